import { randomBytes } from 'node:crypto';
import { setRateLimitHeaders } from '../bruteForce/BruteForce.js';
import {
  ApiError,
  apiRoute,
  authenticatedApplicationOf,
  type Body,
  preflight,
  readBodyObject,
  stringField,
} from '../http/auth0Api.js';
import { PASSWORDLESS_CONNECTIONS, type PasswordlessConnection } from './passwordlessUser.js';

/** Where magic links land (Auth0's path). */
export const VERIFY_REDIRECT_PATH = '/passwordless/verify_redirect';

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

/** `authParams`: an object of strings (the `/authorize` parameters of a magic link). */
function authParams(body: Body): Record<string, string> {
  const value = body.authParams;
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError(400, 'bad.authParams', 'authParams must be an object');
  }
  const params: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string')
      throw new ApiError(400, 'bad.authParams', `authParams.${key} must be a string`);
    params[key] = item;
  }
  return params;
}

/**
 * `POST /passwordless/start` (JSON or form): `client_id`, `connection` (`email` or `sms`),
 * `email` / `phone_number`, `send` (`code`, or `link` — the default for email — with
 * `authParams` for the `/authorize` request the link continues). Puts the code or link in
 * the outbox and answers Auth0's `{ _id, email, email_verified }` (or `phone_number`,
 * `phone_verified`). A confidential application must send its `client_secret` (401 without it). More than `passwordless.rate_limit_per_hour` messages from one IP in an
 * hour answer 429 `too_many_requests` with `Retry-After`.
 */
export const passwordlessStart = apiRoute(
  { method: 'POST', path: '/passwordless/start', style: 'oauth' },
  async (ctx, tenant) => {
    const body = await readBodyObject(ctx);
    const app = authenticatedApplicationOf(ctx, tenant, body);
    const connection = stringField(body, 'connection', true);
    if (!PASSWORDLESS_CONNECTIONS.includes(connection as PasswordlessConnection)) {
      throw new ApiError(
        400,
        'bad.connection',
        `connection must be one of ${PASSWORDLESS_CONNECTIONS.join(', ')}`,
      );
    }
    const isEmail = connection === 'email';
    const field = isEmail ? 'email' : 'phone_number';
    const to = stringField(body, field, true).trim();
    if (!(isEmail ? EMAIL : PHONE).test(to)) throw new ApiError(400, `bad.${field}`, `${field} is not valid`);
    const send = stringField(body, 'send') ?? (isEmail ? 'link' : 'code');
    if (send !== 'code' && !(send === 'link' && isEmail)) {
      throw new ApiError(
        400,
        'bad.send',
        isEmail ? 'send must be code or link' : 'send must be code for sms',
      );
    }
    const params = authParams(body);

    if (tenant.config.rate_limits.enabled) {
      const limit = tenant.auth0.sendLimit.take(ctx.ip);
      setRateLimitHeaders((name, value) => ctx.set(name, value), limit);
      if (limit.retryAfter !== undefined) {
        throw new ApiError(429, 'too_many_requests', 'Too many requests. Please try again later.');
      }
    }

    const pending = tenant.auth0.passwordless.issue(connection, to, app.client_id, params);
    const minutes = Math.round(tenant.config.passwordless.code_ttl / 60);
    if (send === 'link') {
      const link = `${tenant.issuer}${VERIFY_REDIRECT_PATH.slice(1)}?${new URLSearchParams({
        verification_code: pending.code,
        connection,
        client_id: app.client_id,
        email: to,
      })}`;
      tenant.auth0.outbox.send({
        channel: 'email',
        to,
        purpose: 'passwordless_link',
        subject: `Log in to ${tenant.config.tenantName}`,
        text: `Click this link to log in to ${app.name}: ${link} It expires in ${minutes} minutes.`,
        link,
        code: pending.code,
      });
    } else {
      tenant.auth0.outbox.send({
        channel: isEmail ? 'email' : 'sms',
        to,
        purpose: 'passwordless_code',
        ...(isEmail ? { subject: `Your ${tenant.config.tenantName} verification code` } : {}),
        text: `Your verification code is ${pending.code}. It expires in ${minutes} minutes.`,
        code: pending.code,
      });
    }
    const id = randomBytes(12).toString('hex');
    ctx.body = isEmail
      ? { _id: id, email: to, email_verified: false }
      : { _id: id, phone_number: to, phone_verified: false, request_language: null };
  },
);

/** CORS preflight of `/passwordless/start`. */
export const passwordlessStartPreflight = preflight('/passwordless/start');
