import Provider, { type ClientMetadata, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { ModelStore } from '../adapter.js';
import type { Auth0Stores } from '../auth0Stores.js';
import type { ResolvedApplication, ResolvedTenantConfig } from '../config/types.js';
import { devicePages } from '../device/devicePages.js';
import type { TenantKeys } from '../keys.js';
import { defaultClientCredentialsScope, requireClientCredentialsAudience } from '../m2m/clientCredentials.js';
import { registeredClientDefaults } from '../registration/auth0Registration.js';
import { escapeHtml, renderPage } from '../routes/html.js';
import { federatedRedirectUris } from '../saml/federatedLogin.js';
import type { UserStore } from '../users/UserStore.js';
import { auth0JwtClaims, OIDC_CLAIMS, OIDC_SCOPES, rememberOidcScopes } from './auth0AccessTokens.js';
import { auth0Routes, loginPath, OFFLINE_ACCESS_PARAM } from './auth0Routes.js';
import { auth0WebMessage } from './auth0WebMessage.js';
import { dpopNonceSecret } from './dpopNonceSecret.js';
import { extraGrantTypes } from './extraGrantTypes.js';
import { findAccountIn } from './findAccount.js';
import { checkingDpop } from './grantDpop.js';
import { loadExistingGrant } from './loadExistingGrant.js';
import { grantHasOfflineAccess } from './offlineAccess.js';
import { refreshTokenSettingsOf, refreshTokenTtl, withReuseInterval } from './refreshTokenSettings.js';
import { resourceServerInfo } from './resourceServerInfo.js';

/** What {@link createProvider} needs. */
export interface CreateProviderOptions {
  issuer: string;
  config: ResolvedTenantConfig;
  keys: TenantKeys;
  models: ModelStore;
  users: UserStore;
  auth0: Auth0Stores;
}

/** The oidc-provider client metadata of an application (Auth0 names → OAuth names). */
function toClientMetadata(app: ResolvedApplication): ClientMetadata {
  return {
    client_id: app.client_id,
    client_name: app.name,
    ...(app.client_secret ? { client_secret: app.client_secret } : {}),
    token_endpoint_auth_method: app.token_endpoint_auth_method,
    grant_types: app.grant_types,
    response_types: app.grant_types.includes('authorization_code') ? ['code'] : [],
    redirect_uris: app.callbacks,
    post_logout_redirect_uris: app.allowed_logout_urls,
    application_type: app.app_type === 'native' ? 'native' : 'web',
    web_origins: app.web_origins,
    allowed_origins: app.allowed_origins,
    is_first_party: app.is_first_party,
  };
}

const corsOrigins = (client: { metadata(): Record<string, unknown> }) => {
  const { web_origins = [], allowed_origins = [] } = client.metadata() as Record<
    string,
    string[] | undefined
  >;
  return [...web_origins, ...allowed_origins];
};

/** oidc-provider with Auth0's `web_message` page (`auth0WebMessage.ts`) in place of its own. */
class TenantProvider extends Provider {
  override registerResponseMode(
    name: string,
    handler: Parameters<Provider['registerResponseMode']>[1],
  ): void {
    super.registerResponseMode(name, name === 'web_message' ? auth0WebMessage : handler);
  }
}

/**
 * Builds the oidc-provider instance with the tenant's Auth0 behaviour: Auth0 paths, the
 * tenant's login page, `audience` as resource indicators with JWT access tokens, refresh
 * tokens for `offline_access` with rotation and reuse detection, `web_message`, per-client
 * CORS from Allowed Web Origins, and the configured lifetimes.
 */
export function createProvider({
  issuer,
  config,
  keys,
  models,
  users,
  auth0,
}: CreateProviderOptions): Provider {
  const { ttl, tenantName } = config;
  const page = (title: string, body: string) => renderPage({ tenantName, title, body });

  const configuration: Configuration = {
    adapter: (name: string) =>
      name === 'RefreshToken'
        ? withReuseInterval(models.adapter(name), (clientId) =>
            typeof clientId === 'string' ? refreshTokenSettingsOf(config, clientId).leeway : 0,
          )
        : models.adapter(name),
    clients: config.clients.map((app) => {
      const metadata = toClientMetadata(app);
      return { ...metadata, redirect_uris: [...app.callbacks, ...federatedRedirectUris(issuer, app)] };
    }),
    jwks: { keys: keys.jwks as NonNullable<Configuration['jwks']>['keys'] },
    cookies: {
      keys: keys.cookieKeys,
      names: { session: 'sesame_session', interaction: 'sesame_interaction', resume: 'sesame_resume' },
      // Lax: sent on top-level navigations and same-site iframes (127.0.0.1:5173 → 127.0.0.1:4000),
      // not in cross-site iframes. SameSite=None would need Secure, i.e. HTTPS.
      long: { httpOnly: true, sameSite: 'lax', signed: true },
      short: { httpOnly: true, sameSite: 'lax', signed: true },
    },
    routes: auth0Routes,
    scopes: [...OIDC_SCOPES],
    claims: OIDC_CLAIMS,
    // Auth0's access token claims: see `auth0AccessTokens.ts`.
    extraTokenClaims: rememberOidcScopes,
    formats: { customizers: { jwt: auth0JwtClaims(issuer) } },
    // Auth0 puts the profile claims in the ID token of the code flow; SPA libraries read them there.
    conformIdTokenClaims: false,
    responseTypes: ['code', 'none'],
    extraParams: [
      'audience',
      'connection',
      'screen_hint',
      'organization',
      'invitation',
      OFFLINE_ACCESS_PARAM,
    ],
    extraClientMetadata: {
      properties: ['web_origins', 'allowed_origins', 'is_first_party'],
      validator: (ctx, _key, _value, metadata) => registeredClientDefaults(ctx, metadata),
    },
    findAccount: findAccountIn(users),
    interactions: { url: (_ctx, interaction) => loginPath(interaction.uid) },
    features: {
      devInteractions: { enabled: false },
      revocation: {
        enabled: true,
        // An application may revoke only tokens issued to it (as on Auth0).
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      userinfo: { enabled: true },
      webMessageResponseMode: { enabled: true, ack: 'individual-draft-01' },
      rpInitiatedLogout: {
        enabled: true,
        // Auth0's /oidc/logout asks nothing: the confirmation form submits itself.
        async logoutSource(ctx, form) {
          const auto = form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>');
          ctx.body = page(
            'Log out',
            `<h1>Logging out…</h1><p class="sub">You are being signed out of ${escapeHtml(tenantName)}.</p>
${auto}<button type="submit" form="op.logoutForm">Continue</button>
<script>document.forms[0].submit()</script>`,
          );
        },
        async postLogoutSuccessSource(ctx) {
          ctx.body = page(
            'Logged out',
            '<h1>You are logged out</h1><p class="sub">You can close this window.</p>',
          );
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async (ctx, _client, oneOf) =>
          requireClientCredentialsAudience(ctx, oneOf ?? undefined),
        useGrantedResource: async () => true,
        getResourceServerInfo: async (ctx, resourceIndicator) =>
          defaultClientCredentialsScope(ctx, resourceServerInfo(config, issuer, resourceIndicator)),
      },
      clientCredentials: { enabled: true },
      deviceFlow: { enabled: true, ...devicePages(tenantName) },
      registration: { enabled: config.registration.enabled },
      dPoP: {
        enabled: config.dpop.enabled,
        nonceSecret: dpopNonceSecret(keys),
        requireNonce: () => config.dpop.require_nonce,
      },
    },
    discovery: { mfa_challenge_endpoint: `${issuer}mfa/challenge` },
    clientBasedCORS: (_ctx, origin, client) => corsOrigins(client).includes(origin),
    loadExistingGrant,
    async issueRefreshToken(ctx, client, code) {
      return (
        client.grantTypeAllowed('refresh_token') &&
        (code.scopes.has('offline_access') || grantHasOfflineAccess(ctx as KoaContextWithOIDC))
      );
    },
    // Auth0 refresh tokens outlive the login session (logging out does not revoke them).
    async expiresWithSession(ctx, code) {
      return !code.scopes.has('offline_access') && !grantHasOfflineAccess(ctx as KoaContextWithOIDC);
    },
    // Per application, as Auth0's refresh-token settings (see `refreshTokenSettings.ts`).
    rotateRefreshToken: (ctx) =>
      refreshTokenSettingsOf(config, ctx.oidc.client?.clientId).rotation_type === 'rotating',
    ttl: {
      AccessToken: ttl.accessToken,
      IdToken: ttl.idToken,
      RefreshToken: (_ctx, token, client) =>
        refreshTokenTtl(
          refreshTokenSettingsOf(config, client.clientId),
          token.iiat,
          Math.floor(Date.now() / 1000),
        ),
      Session: ttl.session,
      Grant: Math.max(ttl.session, ...config.clients.map((app) => app.refresh_token.token_lifetime)),
      Interaction: 3600,
      AuthorizationCode: 60,
      DeviceCode: config.device_flow.expires_in,
      ClientCredentials: ttl.accessToken,
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = page(
        'Error',
        `<h1>Something went wrong</h1>
<p class="error"><strong>${escapeHtml(out.error)}</strong>${out.error_description ? `: ${escapeHtml(out.error_description)}` : ''}</p>
<p class="sub">Go back to the application and try again.</p>`,
      );
    },
  };

  const provider = new TenantProvider(issuer, configuration);
  for (const factory of extraGrantTypes) {
    const grant = factory({ config, users, issuer, auth0 });
    provider.registerGrantType(grant.name, checkingDpop(grant.handler), grant.parameters, grant.duplicates);
  }
  return provider;
}
