import { inflateRawSync } from 'node:zlib';
import { DOMParser, type Element } from '@xmldom/xmldom';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';
import type { ResolvedApplication, SamlConnectionConfig } from '../config/types.js';
import { readBody } from '../http/readForm.js';
import type { TenantRoute, TenantServices } from '../routes/TenantRoute.js';
import { findOrCreateFederatedUser } from '../users/federatedUser.js';
import type { StoredUser } from '../users/UserStore.js';
import {
  type FederationProtocol,
  federationError,
  finishFederatedLogin,
  startFederatedLogin,
} from './federatedLogin.js';
import {
  type AssertionOptions,
  autoPostForm,
  buildSignedLogoutResponse,
  buildSignedResponse,
  buildWsFedResult,
  idpMetadata,
  NS,
  wsFedMetadata,
} from './samlXml.js';
import { SamlResponseError, verifySamlResponse } from './verifySamlResponse.js';

/** The tenant's entity ID as a SAML IdP / WS-Fed STS (Auth0: `urn:{tenant domain}`). */
export const entityIdOf = (issuer: string) => `urn:${new URL(issuer).host}`;

const xml = (ctx: Context, body: string) => {
  ctx.type = 'application/xml';
  ctx.set('cache-control', 'no-store');
  ctx.body = body;
};
const html = (ctx: Context, body: string) => {
  ctx.type = 'html';
  ctx.set('cache-control', 'no-store');
  ctx.body = body;
};

const ADDON_NAMES = { saml: 'SAML2 Web App', wsfed: 'WS-Fed' } as const;

/** The application with the add-on, or `undefined` after answering 400 (Auth0: add-on not enabled). */
function addonApp(ctx: Context, tenant: TenantServices, clientId: string, addon: 'saml' | 'wsfed') {
  const app = tenant.config.clients.find((candidate) => candidate.client_id === clientId && candidate[addon]);
  if (!app) {
    const message = `invalid_request: the ${ADDON_NAMES[addon]} add-on is not enabled for client ${clientId}`;
    federationError(ctx, tenant, 400, message);
  }
  return app;
}

const subjectOf = (user: StoredUser): AssertionOptions['subject'] => ({
  nameId: user.user_id,
  email: user.email || undefined,
  name: user.name ?? (user.email || undefined),
  nickname: user.nickname,
  given_name: user.given_name,
  family_name: user.family_name,
  picture: user.picture,
});

/** `GET /samlp/metadata/:client_id`: the SAML 2.0 IdP metadata with the signing certificate. */
export const samlMetadata: TenantRoute = {
  method: 'GET',
  path: '/samlp/metadata/:client_id',
  handle(ctx, tenant, { client_id: clientId = '' }) {
    if (!tenant.config.clients.some((app) => app.client_id === clientId)) {
      return federationError(ctx, tenant, 404, `Unknown client: ${clientId}`);
    }
    const sso = `${tenant.issuer}samlp/${encodeURIComponent(clientId)}`;
    xml(
      ctx,
      idpMetadata(
        { entityId: entityIdOf(tenant.issuer), ssoUrl: sso, sloUrl: `${sso}/logout` },
        tenant.signingCertificate,
      ),
    );
  },
};

/** `GET /wsfed/FederationMetadata/2007-06/FederationMetadata.xml`: the WS-Federation metadata. */
export const wsFedMetadataRoute: TenantRoute = {
  method: 'GET',
  path: '/wsfed/FederationMetadata/2007-06/FederationMetadata.xml',
  handle(ctx, tenant) {
    xml(
      ctx,
      wsFedMetadata(
        { entityId: entityIdOf(tenant.issuer), endpoint: `${tenant.issuer}wsfed` },
        tenant.signingCertificate,
      ),
    );
  },
};

/** The `ID` and `AssertionConsumerServiceURL` of a Redirect-binding AuthnRequest (deflated, base64). */
function readAuthnRequest(value: string): { id?: string; acs?: string } {
  const text = inflateRawSync(Buffer.from(value, 'base64')).toString('utf8');
  const root = new DOMParser({ onError: () => {} }).parseFromString(text, 'text/xml')
    .documentElement as unknown as Element | null;
  if (!root || root.namespaceURI !== NS.protocol || root.localName !== 'AuthnRequest') {
    throw new Error('SAMLRequest is not an AuthnRequest');
  }
  return {
    id: root.getAttribute('ID') ?? undefined,
    acs: root.getAttribute('AssertionConsumerServiceURL') ?? undefined,
  };
}

/**
 * `GET /samlp/:client_id` (SAMLRequest and RelayState optional: without a request it is an
 * IdP-initiated login): logs the user in with the tenant's login page or session, then
 * posts a signed SAML response to the application's `saml.callback`.
 */
export const samlLogin: TenantRoute = {
  method: 'GET',
  path: '/samlp/:client_id',
  handle(ctx, tenant, { client_id: clientId = '' }) {
    const app = addonApp(ctx, tenant, clientId, 'saml');
    if (!app) return;
    let request: { id?: string; acs?: string } = {};
    if (typeof ctx.query.SAMLRequest === 'string') {
      try {
        request = readAuthnRequest(ctx.query.SAMLRequest);
      } catch {
        return federationError(ctx, tenant, 400, 'SAMLRequest is not a valid deflated, base64 AuthnRequest');
      }
    }
    if (request.acs && request.acs !== app.saml!.callback && !app.callbacks.includes(request.acs)) {
      return federationError(
        ctx,
        tenant,
        400,
        `AssertionConsumerServiceURL ${request.acs} is not an allowed callback`,
      );
    }
    startFederatedLogin(ctx, tenant, {
      protocol: 'samlp',
      clientId,
      inResponseTo: request.id,
      state: typeof ctx.query.RelayState === 'string' ? ctx.query.RelayState : undefined,
    });
  },
};

type FinishedLogin = NonNullable<Awaited<ReturnType<typeof finishFederatedLogin>>>;

/**
 * `GET /{protocol}/:client_id/return`, where a SAML or WS-Fed login comes back after the
 * login page: `answer` renders the page that posts the token to the application.
 */
function returnRoute(
  protocol: FederationProtocol,
  addon: 'saml' | 'wsfed',
  answer: (app: ResolvedApplication, done: FinishedLogin, tenant: TenantServices) => string,
): TenantRoute {
  return {
    method: 'GET',
    path: `/${protocol}/:client_id/return`,
    async handle(ctx, tenant, { client_id: clientId = '' }) {
      const app = addonApp(ctx, tenant, clientId, addon);
      if (!app) return;
      const done = await finishFederatedLogin(ctx, tenant, protocol, clientId);
      if (done) html(ctx, answer(app, done, tenant));
    },
  };
}

/** `GET /samlp/:client_id/return`: after the login, posts the signed SAML response. */
export const samlReturn = returnRoute('samlp', 'saml', (app, { user, transaction }, tenant) => {
  const saml = app.saml!;
  const response = buildSignedResponse(
    {
      issuer: entityIdOf(tenant.issuer),
      audience: saml.audience ?? app.client_id,
      recipient: saml.callback,
      inResponseTo: transaction.inResponseTo,
      subject: subjectOf(user),
      lifetime: saml.lifetime,
    },
    tenant.signingCertificate,
  );
  return autoPostForm(saml.callback, {
    SAMLResponse: Buffer.from(response).toString('base64'),
    RelayState: transaction.state,
  });
});

/** Ends every tenant session of a user (SAML single logout). */
async function endSessionsOf(tenant: TenantServices, userId: string) {
  const sessions = tenant.models.snapshot().Session ?? {};
  const adapter = tenant.models.adapter('Session');
  for (const [id, entry] of Object.entries(sessions)) {
    if (entry.payload.accountId === userId) await adapter.destroy(id);
  }
}

/**
 * `POST /samlp/:client_id/logout`: a SAML LogoutRequest (an `application/xml` body as in the
 * spec, or the HTTP-POST binding's `SAMLRequest` form field): ends the NameID's tenant
 * sessions and answers with a signed LogoutResponse, posted to the add-on's
 * `logout_callback` when there is one.
 */
export const samlLogout: TenantRoute = {
  method: 'POST',
  path: '/samlp/:client_id/logout',
  async handle(ctx, tenant, { client_id: clientId = '' }) {
    const app = addonApp(ctx, tenant, clientId, 'saml');
    if (!app) return;
    const body = (await readBody(ctx.req)).toString('utf8');
    const form = ctx.is('application/x-www-form-urlencoded') ? new URLSearchParams(body) : undefined;
    const relayState = form?.get('RelayState') ?? undefined;
    const text = form ? Buffer.from(form.get('SAMLRequest') ?? '', 'base64').toString('utf8') : body;
    const root = new DOMParser({ onError: () => {} }).parseFromString(text || '<x/>', 'text/xml')
      .documentElement as unknown as Element | null;
    if (!root || root.namespaceURI !== NS.protocol || root.localName !== 'LogoutRequest') {
      return federationError(ctx, tenant, 400, 'The body is not a SAML LogoutRequest');
    }
    const nameId = (
      Array.from(root.getElementsByTagNameNS(NS.assertion, 'NameID'))[0] as Element | undefined
    )?.textContent?.trim();
    if (!nameId) return federationError(ctx, tenant, 400, 'The LogoutRequest has no NameID');
    await endSessionsOf(tenant, nameId);
    const destination = app.saml!.logout_callback;
    const response = buildSignedLogoutResponse(
      { issuer: entityIdOf(tenant.issuer), destination, inResponseTo: root.getAttribute('ID') ?? undefined },
      tenant.signingCertificate,
    );
    if (!destination) return xml(ctx, response);
    html(
      ctx,
      autoPostForm(destination, {
        SAMLResponse: Buffer.from(response).toString('base64'),
        RelayState: relayState,
      }),
    );
  },
};

/**
 * `GET /wsfed/:client_id` (`wtrealm`, `wctx`, `wreply` optional): logs the user in, then
 * posts a WS-Fed token (`wa=wsignin1.0`, `wresult`, `wctx`) to the add-on's `callback`.
 */
export const wsFedLogin: TenantRoute = {
  method: 'GET',
  path: '/wsfed/:client_id',
  handle(ctx, tenant, { client_id: clientId = '' }) {
    const app = addonApp(ctx, tenant, clientId, 'wsfed');
    if (!app) return;
    const wreply = typeof ctx.query.wreply === 'string' ? ctx.query.wreply : undefined;
    if (wreply && wreply !== app.wsfed!.callback && !app.callbacks.includes(wreply)) {
      return federationError(ctx, tenant, 400, `wreply ${wreply} is not an allowed callback`);
    }
    startFederatedLogin(ctx, tenant, {
      protocol: 'wsfed',
      clientId,
      state: typeof ctx.query.wctx === 'string' ? ctx.query.wctx : undefined,
    });
  },
};

/** `GET /wsfed/:client_id/return`: after the login, posts the WS-Fed token. */
export const wsFedReturn = returnRoute('wsfed', 'wsfed', (app, { user, transaction }, tenant) => {
  const wsfed = app.wsfed!;
  const wresult = buildWsFedResult(
    {
      issuer: entityIdOf(tenant.issuer),
      audience: wsfed.realm ?? app.client_id,
      recipient: wsfed.callback,
      subject: subjectOf(user),
    },
    tenant.signingCertificate,
  );
  return autoPostForm(wsfed.callback, { wa: 'wsignin1.0', wresult, wctx: transaction.state });
});

/** The audience upstream IdPs must address (Auth0's SP entity ID of a SAML connection). */
export const connectionAudience = (tenantName: string, connection: SamlConnectionConfig) =>
  connection.audience ??
  `urn:auth0:${tenantName.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}:${connection.name}`;

const replayCaches = new WeakMap<Provider, Map<string, number>>();
const CLAIMS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';

/** Signs `userId` in: a new tenant session (as the login page's would be) and its cookie. */
async function signIn(ctx: Context, tenant: TenantServices, userId: string) {
  const { provider } = tenant;
  const session = new provider.Session();
  session.loginAccount({ accountId: userId, amr: ['saml'] });
  await session.save(tenant.config.ttl.session);
  provider.createContext(ctx.req, ctx.res).cookies.set(provider.cookieName('session'), session.jti, {
    httpOnly: true,
    sameSite: 'lax',
    signed: true,
    maxAge: tenant.config.ttl.session * 1000,
  });
}

/**
 * `POST /login/callback?connection={name}`: an IdP-initiated SAML response from a
 * configured upstream identity provider (`saml_connections`). A verified response (see
 * {@link verifySamlResponse}) signs the user (`samlp|{connection}|{NameID}`, created on
 * first use) in to the tenant and redirects to the connection's application; anything else
 * answers 400 and signs nobody in.
 */
export const samlLoginCallback: TenantRoute = {
  method: 'POST',
  path: '/login/callback',
  async handle(ctx, tenant) {
    const name = typeof ctx.query.connection === 'string' ? ctx.query.connection : '';
    if (!name) return federationError(ctx, tenant, 400, 'Missing required parameter: connection');
    const connection = tenant.config.saml_connections.find((candidate) => candidate.name === name);
    if (!connection) return federationError(ctx, tenant, 400, `Unknown connection: ${name}`);
    const form = new URLSearchParams((await readBody(ctx.req)).toString('utf8'));
    const encoded = form.get('SAMLResponse');
    if (!encoded) return federationError(ctx, tenant, 400, 'Missing required parameter: SAMLResponse');
    const app: ResolvedApplication | undefined = connection.client_id
      ? tenant.config.clients.find((candidate) => candidate.client_id === connection.client_id)
      : tenant.config.clients[0];
    const target = connection.redirect_uri ?? app?.callbacks[0];
    if (!app || !target || !app.callbacks.includes(target)) {
      return federationError(ctx, tenant, 400, `Connection ${name} has no application callback to land on`);
    }
    let cache = replayCaches.get(tenant.provider);
    if (!cache) {
      cache = new Map();
      replayCaches.set(tenant.provider, cache);
    }
    let identity: ReturnType<typeof verifySamlResponse>;
    try {
      const text = Buffer.from(encoded, 'base64').toString('utf8');
      identity = verifySamlResponse(
        text,
        connection,
        connectionAudience(tenant.config.tenantName, connection),
        cache,
      );
    } catch (error) {
      if (!(error instanceof SamlResponseError)) throw error;
      return federationError(ctx, tenant, 400, `Invalid SAML response: ${error.message}`);
    }
    const email =
      identity.attributes[`${CLAIMS}/emailaddress`] ??
      (identity.nameId.includes('@') ? identity.nameId : undefined);
    const user = await findOrCreateFederatedUser(tenant.users, {
      connection: name,
      userId: `samlp|${name}|${identity.nameId}`,
      email,
      email_verified: Boolean(email),
      name: identity.attributes[`${CLAIMS}/name`],
      given_name: identity.attributes[`${CLAIMS}/givenname`],
      family_name: identity.attributes[`${CLAIMS}/surname`],
    });
    await signIn(ctx, tenant, user.user_id);
    ctx.status = 302;
    ctx.redirect(target);
  },
};

/**
 * The SAML and WS-Federation routes, metadata first (its path would match
 * `/samlp/:client_id/return`). `samlLoginCallback` is listed apart: it must come before
 * the login page's `POST /login/:uid`.
 */
export const federationRoutes: readonly TenantRoute[] = [
  samlMetadata,
  samlLogin,
  samlReturn,
  samlLogout,
  wsFedMetadataRoute,
  wsFedLogin,
  wsFedReturn,
];
