import type { Middleware } from 'koa';
import type { ClientMetadata, KoaContextWithOIDC } from 'oidc-provider';
import { auth0Routes } from '../provider/auth0Routes.js';

/** The fields of Auth0's `POST /oidc/register` response (the spec's shape). */
const RESPONSE_FIELDS = [
  'client_name',
  'client_id',
  'client_secret',
  'redirect_uris',
  'client_secret_expires_at',
];

/**
 * oidc-provider's `extraClientMetadata.validator` part for dynamic registration: Auth0 makes
 * dynamically registered applications third-party (`is_first_party: false`, so users are
 * asked for consent) whatever the request says, and names them "My App" when the request
 * has no `client_name`.
 */
export function registeredClientDefaults(
  ctx: KoaContextWithOIDC | undefined,
  metadata: ClientMetadata,
): void {
  if (ctx?.oidc?.route !== 'registration') return;
  metadata.is_first_party = false;
  metadata.client_name ??= 'My App';
}

/**
 * Trims oidc-provider's registration response to Auth0's: `client_name`, `client_id`,
 * `client_secret` (confidential clients), `redirect_uris`, `client_secret_expires_at` (no
 * registration access token: Auth0 has no client configuration endpoint). The status stays
 * 201 Created (RFC 7591 §3.2.1), which registration clients such as oauth4webapi require.
 */
export const auth0RegistrationResponse: Middleware = async (ctx, next) => {
  await next();
  if (ctx.method !== 'POST' || ctx.path !== auth0Routes.registration || ctx.status !== 201) return;
  const body = ctx.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') return;
  const out: Record<string, unknown> = {};
  for (const field of RESPONSE_FIELDS) if (body[field] !== undefined) out[field] = body[field];
  out.client_secret_expires_at ??= 0;
  ctx.body = out;
};
