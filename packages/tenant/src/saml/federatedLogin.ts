import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';
import type { ResolvedApplication } from '../config/types.js';
import { auth0Routes } from '../provider/auth0Routes.js';
import { renderPage } from '../routes/html.js';
import type { TenantServices } from '../routes/TenantRoute.js';
import type { StoredUser } from '../users/UserStore.js';

/** The protocols that log in through {@link startFederatedLogin}. */
export type FederationProtocol = 'samlp' | 'wsfed';

/** What a SAML or WS-Fed login request asked for, kept while the user logs in. */
export interface FederatedTransaction {
  protocol: FederationProtocol;
  clientId: string;
  /** SAML: the AuthnRequest's ID. */
  inResponseTo?: string;
  /** SAML `RelayState` / WS-Fed `wctx`, echoed back. */
  state?: string;
  expiresAt: number;
}

const TRANSACTION_TTL = 3_600_000;
const transactions = new WeakMap<Provider, Map<string, FederatedTransaction>>();

function transactionsOf(provider: Provider) {
  let map = transactions.get(provider);
  if (!map) {
    map = new Map();
    transactions.set(provider, map);
  }
  return map;
}

/** Where the tenant's internal authorization for a SAML/WS-Fed login of `clientId` returns. */
export const federatedReturnUri = (issuer: string, protocol: FederationProtocol, clientId: string) =>
  `${issuer}${protocol}/${encodeURIComponent(clientId)}/return`;

/**
 * The redirect URIs a SAML/WS-Fed application needs besides its callbacks: the tenant's
 * own return paths (see {@link startFederatedLogin}).
 */
export function federatedRedirectUris(issuer: string, app: ResolvedApplication): string[] {
  return [
    ...(app.saml ? [federatedReturnUri(issuer, 'samlp', app.client_id)] : []),
    ...(app.wsfed ? [federatedReturnUri(issuer, 'wsfed', app.client_id)] : []),
  ];
}

/**
 * Starts a SAML or WS-Fed login by running an ordinary authorization of the application
 * against the tenant itself: oidc-provider then shows the login page (or reuses the
 * session), and comes back to `/{protocol}/{client_id}/return` with a code that names the
 * user (see {@link finishFederatedLogin}). So SAML and WS-Fed share the login page, the
 * session and SSO with OIDC.
 */
export function startFederatedLogin(
  ctx: Context,
  tenant: TenantServices,
  transaction: Omit<FederatedTransaction, 'expiresAt'>,
): void {
  const map = transactionsOf(tenant.provider);
  const now = Date.now();
  for (const [id, entry] of map) if (entry.expiresAt <= now) map.delete(id);
  const id = randomBytes(24).toString('base64url');
  map.set(id, { ...transaction, expiresAt: now + TRANSACTION_TTL });
  // PKCE because the application may be a public client; the code never leaves the tenant.
  const challenge = createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url');
  const url = new URL(auth0Routes.authorization.slice(1), tenant.issuer);
  url.search = new URLSearchParams({
    client_id: transaction.clientId,
    response_type: 'code',
    redirect_uri: federatedReturnUri(tenant.issuer, transaction.protocol, transaction.clientId),
    scope: 'openid profile email',
    state: id,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  ctx.redirect(url.href);
}

/** Answers with the tenant's error page. */
export function federationError(ctx: Context, tenant: TenantServices, status: number, message: string): void {
  ctx.status = status;
  ctx.type = 'html';
  ctx.body = renderPage({
    tenantName: tenant.config.tenantName,
    title: 'Error',
    body: `<h1>Something went wrong</h1><p class="error" role="alert">${message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`,
  });
}

/**
 * The end of {@link startFederatedLogin}: checks the state and the authorization code
 * (issued to this application for this return URI), consumes the code, and returns the
 * user and the transaction. Answers the error page itself and returns `undefined` when
 * something does not match.
 */
export async function finishFederatedLogin(
  ctx: Context,
  tenant: TenantServices,
  protocol: FederationProtocol,
  clientId: string,
): Promise<{ user: StoredUser; transaction: FederatedTransaction } | undefined> {
  const map = transactionsOf(tenant.provider);
  const state = typeof ctx.query.state === 'string' ? ctx.query.state : '';
  const transaction = map.get(state);
  if (!transaction || transaction.expiresAt <= Date.now() || transaction.clientId !== clientId) {
    federationError(ctx, tenant, 400, 'The login transaction was not found or has expired.');
    return undefined;
  }
  map.delete(state);
  if (typeof ctx.query.error === 'string') {
    federationError(ctx, tenant, 400, `${ctx.query.error}: ${String(ctx.query.error_description ?? '')}`);
    return undefined;
  }
  const value = typeof ctx.query.code === 'string' ? ctx.query.code : '';
  const code = value ? await tenant.provider.AuthorizationCode.find(value) : undefined;
  const user = code?.accountId ? tenant.users.findById(code.accountId) : undefined;
  if (
    !code ||
    !user ||
    code.clientId !== clientId ||
    code.redirectUri !== federatedReturnUri(tenant.issuer, protocol, clientId) ||
    (code as { consumed?: unknown }).consumed
  ) {
    federationError(ctx, tenant, 400, 'The login could not be completed.');
    return undefined;
  }
  await code.destroy();
  return { user, transaction };
}
