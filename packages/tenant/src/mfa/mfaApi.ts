import type { Context } from 'koa';
import {
  ApiError,
  apiRoute,
  type Body,
  badField,
  preflight,
  readBodyObject,
  stringField,
} from '../http/auth0Api.js';
import { mfaAudience } from '../provider/resourceServerInfo.js';
import type { TenantServices } from '../routes/TenantRoute.js';
import type { Authenticator } from './MfaStore.js';
import { isProblem, mfaTransaction } from './mfaTransaction.js';
import { newTotpSecret } from './totp.js';

/** Who calls the MFA API: the user, and the `mfa_token` when that is the credential. */
interface MfaCaller {
  userId: string;
  mfaToken: string | undefined;
}

/**
 * Authorizes an MFA API call, as Auth0 does: `Authorization: Bearer` with an access token
 * for `{issuer}mfa/` having `scope`, or with the `mfa_token` of an `mfa_required` answer
 * (which `/mfa/associate` accepts only while the user has no confirmed authenticator).
 */
async function caller(ctx: Context, tenant: TenantServices, scope: string): Promise<MfaCaller> {
  const header = ctx.get('authorization');
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!bearer)
    throw new ApiError(401, 'unauthorized', 'Authorization header with a Bearer token is required');
  if (bearer.startsWith('mfa_')) {
    const transaction = mfaTransaction(tenant.auth0, bearer, undefined);
    if (isProblem(transaction)) throw new ApiError(401, 'invalid_token', transaction.description);
    return { userId: transaction.userId, mfaToken: bearer };
  }
  const token = await tenant.provider.AccessToken.find(bearer);
  const audience = token?.aud;
  const forMfa = Array.isArray(audience)
    ? audience.includes(mfaAudience(tenant.issuer))
    : audience === mfaAudience(tenant.issuer);
  if (!token?.accountId || !forMfa)
    throw new ApiError(401, 'invalid_token', 'The access token is invalid or not for the MFA API');
  if (!token.scope?.split(' ').includes(scope)) {
    throw new ApiError(403, 'insufficient_scope', `The access token needs the ${scope} scope`);
  }
  return { userId: token.accountId, mfaToken: undefined };
}

/** An authenticator as the MFA API shows it. */
function view(authenticator: Authenticator) {
  return {
    id: authenticator.id,
    authenticator_type: authenticator.authenticator_type,
    active: authenticator.active,
    ...(authenticator.oob_channel ? { oob_channel: authenticator.oob_channel } : {}),
    ...(authenticator.name ? { name: authenticator.name } : {}),
    created_at: authenticator.created_at,
  };
}

/** A string array field (a JSON array, or one string / space-separated string in a form). */
function listField(body: Body, field: string, required: boolean): string[] {
  const value = body[field];
  if (value === undefined || value === '') {
    if (required) throw badField(field, 'is required');
    return [];
  }
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  throw badField(field, 'must be an array of strings');
}

/** "Sends" an oob challenge's binding code by SMS or email (to the outbox). */
function sendBindingCode(tenant: TenantServices, authenticator: Authenticator, code: string) {
  const text = `Your ${tenant.config.tenantName} verification code is ${code}.`;
  tenant.auth0.outbox.send({
    channel: authenticator.oob_channel === 'sms' ? 'sms' : 'email',
    to: authenticator.to ?? '',
    purpose: 'mfa_oob',
    ...(authenticator.oob_channel === 'email' ? { subject: 'Your verification code' } : {}),
    text,
    code,
  });
}

const mask = (to: string) => (to.length > 4 ? `${'X'.repeat(to.length - 4)}${to.slice(-4)}` : to);

/** `GET /mfa/authenticators`: the caller's authenticators (`read:authenticators` or the mfa_token). */
export const mfaListAuthenticators = apiRoute(
  { method: 'GET', path: '/mfa/authenticators', style: 'oauth' },
  async (ctx, tenant) => {
    const { userId } = await caller(ctx, tenant, 'read:authenticators');
    ctx.body = tenant.auth0.mfa.list(userId).map(view);
  },
);

/** `DELETE /mfa/authenticators/:id`: removes one (`remove:authenticators`); 204. */
export const mfaDeleteAuthenticator = apiRoute(
  { method: 'DELETE', path: '/mfa/authenticators/:id', style: 'oauth' },
  async (ctx, tenant, { id = '' }) => {
    const { userId } = await caller(ctx, tenant, 'remove:authenticators');
    if (!tenant.auth0.mfa.remove(userId, id)) {
      throw new ApiError(404, 'not_found', `Authenticator not found: ${id}`);
    }
    ctx.status = 204;
  },
);

/**
 * `POST /mfa/associate`: adds an authenticator — `authenticator_types: ['otp']` answers
 * `secret` and `barcode_uri`; `['oob']` with `oob_channels: ['sms'|'email']` and
 * `phone_number`/`email` sends a code and answers `oob_code` and `binding_method`. The
 * first one also answers `recovery_codes`. It is confirmed by the first MFA grant using it.
 */
export const mfaAssociate = apiRoute(
  { method: 'POST', path: '/mfa/associate', style: 'oauth' },
  async (ctx, tenant) => {
    const body = await readBodyObject(ctx);
    const who = await caller(ctx, tenant, 'enroll');
    const { mfa } = tenant.auth0;
    if (who.mfaToken && mfa.enrolled(who.userId)) {
      throw new ApiError(401, 'access_denied', 'User is already enrolled.');
    }
    const user = tenant.users.findById(who.userId);
    const types = listField(body, 'authenticator_types', true);
    const firstTime = !mfa.list(who.userId).some((a) => a.authenticator_type === 'recovery-code');
    const recovery = () => (firstTime ? { recovery_codes: [mfa.newRecoveryCode(who.userId, false)] } : {});

    if (types.includes('otp')) {
      const { secret, barcodeUri } = newTotpSecret(user?.email || who.userId, tenant.config.tenantName);
      mfa.add(who.userId, { authenticator_type: 'otp', secret });
      ctx.body = { authenticator_type: 'otp', secret, barcode_uri: barcodeUri, ...recovery() };
      return;
    }
    if (!types.includes('oob')) throw badField('authenticator_types', 'must contain otp or oob');
    const channels = listField(body, 'oob_channels', true);
    const channel = channels.find((candidate) => candidate === 'sms' || candidate === 'email');
    if (!channel) throw badField('oob_channels', 'must contain sms or email');
    const field = channel === 'sms' ? 'phone_number' : 'email';
    const to = stringField(body, field, channel === 'sms') ?? user?.email;
    if (!to) throw badField(field, 'is required');
    const authenticator = mfa.add(who.userId, {
      authenticator_type: 'oob',
      oob_channel: channel,
      to,
      name: mask(to),
    });
    const { oobCode, bindingCode } = mfa.createChallenge(who.mfaToken ?? '', authenticator.id);
    sendBindingCode(tenant, authenticator, bindingCode);
    ctx.body = {
      authenticator_type: 'oob',
      oob_channel: channel,
      oob_code: oobCode,
      binding_method: 'prompt',
      ...recovery(),
    };
  },
);

/**
 * `POST /mfa/challenge` (`mfa_token`, `client_id`, `challenge_type`, `authenticator_id`):
 * `{ challenge_type: 'otp' }` for an authenticator app, or for SMS/email sends a code and
 * answers `{ challenge_type: 'oob', oob_code, binding_method: 'prompt' }`.
 */
export const mfaChallenge = apiRoute(
  { method: 'POST', path: '/mfa/challenge', style: 'oauth' },
  async (ctx, tenant) => {
    const body = await readBodyObject(ctx);
    const clientId = stringField(body, 'client_id', true);
    const mfaToken = stringField(body, 'mfa_token', true);
    const transaction = mfaTransaction(tenant.auth0, mfaToken, clientId);
    if (isProblem(transaction)) throw new ApiError(403, transaction.error, transaction.description);
    const types = (stringField(body, 'challenge_type') ?? 'otp oob').split(' ');
    const wanted = stringField(body, 'authenticator_id');
    const candidates = tenant.auth0.mfa
      .list(transaction.userId, true)
      .filter((a) => (wanted ? a.id === wanted : types.includes(a.authenticator_type)));
    const authenticator = candidates[0];
    if (!authenticator || authenticator.authenticator_type === 'recovery-code') {
      throw new ApiError(
        400,
        'unsupported_challenge_type',
        'The user has no authenticator for this challenge type.',
      );
    }
    if (authenticator.authenticator_type === 'otp') {
      ctx.body = { challenge_type: 'otp' };
      return;
    }
    const { oobCode, bindingCode } = tenant.auth0.mfa.createChallenge(mfaToken, authenticator.id);
    sendBindingCode(tenant, authenticator, bindingCode);
    ctx.body = { challenge_type: 'oob', oob_code: oobCode, binding_method: 'prompt' };
  },
);

/** CORS preflights of the MFA API. */
export const mfaPreflights = [
  preflight('/mfa/authenticators', 'GET'),
  preflight('/mfa/authenticators/:id', 'DELETE'),
  preflight('/mfa/associate'),
  preflight('/mfa/challenge'),
];
