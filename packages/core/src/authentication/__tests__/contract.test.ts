// @vitest-environment node
// Contract test: every request the Authentication API functions send is validated against the
// seed OpenAPI document (path, method, content type, body or query schema, required path and
// bearer parameters). The seed's schemas allow any extra property; here every object schema
// with `properties` is made closed, so a renamed or invented field fails and is named.
// Node environment: secrets are refused in a browser page, and their field names are part of
// the contract too.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as api from '../index.js';
import specText from './seed/auth0-authentication-api-openapi.yml?raw';
import otpSchemaText from './seed/auth0-otp-schema.json?raw';

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  schema: Schema;
}
interface Operation {
  deprecated?: boolean;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
}

const spec = parse(specText) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

/** Resolves `#/components/schemas/…` references and closes every object schema with properties. */
function closed(schema: Schema): Schema {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = spec.components.schemas[name];
    if (!target) throw new Error(`unresolved ${schema.$ref}`);
    return closed(target);
  }
  const out: Schema = { ...schema };
  if (out.properties) {
    out.properties = Object.fromEntries(
      Object.entries(out.properties as Record<string, Schema>).map(([k, v]) => [k, closed(v)]),
    );
    out.additionalProperties ??= false;
  }
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    if (Array.isArray(out[key])) out[key] = (out[key] as Schema[]).map(closed);
  }
  if (out.items) out.items = closed(out.items as Schema);
  return out;
}

const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addKeyword('example');
ajv.addFormat('uri', (value: string) => URL.canParse(value));
const ajv2020 = new Ajv2020({ allErrors: true, strict: true });

/**
 * The `/oauth/token` schema of each grant. The seed's `oneOf` cannot tell the MFA grants apart
 * (OTP, OOB and RecoveryCode require nothing and do not pin `grant_type`), so the grant's schema is
 * picked by `grant_type` and `grant_type` is pinned to the value its description gives.
 */
const GRANTS: Record<string, { schemas: string[]; content: string; pin?: Schema }> = {
  'http://auth0.com/oauth/grant-type/passwordless/otp': {
    schemas: ['AuthenticateUserWithVerificationCode'],
    content: 'application/json',
  },
  'http://auth0.com/oauth/grant-type/mfa-otp': {
    schemas: ['OTP'],
    content: 'application/x-www-form-urlencoded',
  },
  'http://auth0.com/oauth/grant-type/mfa-oob': {
    schemas: ['OOB'],
    content: 'application/x-www-form-urlencoded',
  },
  'http://auth0.com/oauth/grant-type/mfa-recovery-code': {
    schemas: ['RecoveryCode'],
    content: 'application/x-www-form-urlencoded',
  },
  authorization_code: {
    schemas: ['AuthorizationCode', 'AuthorizationCodePKCE'],
    content: 'application/x-www-form-urlencoded',
  },
  client_credentials: { schemas: ['ClientCredentials'], content: 'application/x-www-form-urlencoded' },
  password: { schemas: ['ResourceOwnerPassword'], content: 'application/x-www-form-urlencoded' },
  // Not in the seed's enum: the seed documents `realm` on ResourceOwnerPassword ("Set this if you
  // want to add realm support at this grant"), and Auth0 names that grant password-realm. The
  // same schema, with this grant_type and `realm` required.
  'http://auth0.com/oauth/grant-type/password-realm': {
    schemas: ['ResourceOwnerPassword'],
    content: 'application/x-www-form-urlencoded',
    pin: { required: ['realm'] },
  },
  'urn:ietf:params:oauth:grant-type:device_code': {
    schemas: ['DeviceAuthorization'],
    content: 'application/x-www-form-urlencoded',
  },
  refresh_token: { schemas: ['RefreshToken'], content: 'application/x-www-form-urlencoded' },
  'urn:ietf:params:oauth:grant-type:token-exchange': {
    schemas: ['NativeSocialTokenExchange'],
    content: 'application/x-www-form-urlencoded',
  },
};

/** A component schema, closed, with `grant_type` pinned to `grantType`. */
function grantSchema(name: string, grantType: string, pin: Schema = {}): Schema {
  const schema = closed({ $ref: `#/components/schemas/${name}` });
  const properties = schema.properties as Record<string, Schema>;
  return {
    ...schema,
    properties: { ...properties, grant_type: { ...properties.grant_type, enum: [grantType] } },
    required: [
      ...new Set([
        ...((schema.required as string[]) ?? []),
        'grant_type',
        ...((pin.required as string[]) ?? []),
      ]),
    ],
  };
}

const compiled = new Map<string, ValidateFunction>();
function validator(key: string, schema: () => Schema, engine: Ajv | Ajv2020 = ajv): ValidateFunction {
  let validate = compiled.get(key);
  if (!validate) {
    validate = engine.compile(schema());
    compiled.set(key, validate);
  }
  return validate;
}

const describeErrors = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? [])
    .map((e) => {
      const field = e.params.additionalProperty ?? e.params.missingProperty;
      return `${e.instancePath || 'body'} ${e.message}${field ? ` ("${field}")` : ''}`;
    })
    .join('; ');

/** A request as the server sees it. */
interface Captured {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

/** Finds the seed operation of a request: its path template and operation. */
function operationOf(
  method: string,
  pathname: string,
): { template: string; operation: Operation; params: Record<string, string> } {
  for (const [template, operations] of Object.entries(spec.paths)) {
    const names: string[] = [];
    const pattern = new RegExp(
      `^${template.replace(/[.]/g, '\\.').replace(/\{([^}]+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}$`,
    );
    const match = pattern.exec(pathname);
    const operation = operations[method.toLowerCase()];
    if (match && operation) {
      const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1] ?? '')]));
      return { template, operation, params };
    }
  }
  throw new Error(`${method} ${pathname} is not an operation of the seed`);
}

/** Checks one request against the seed; returns `METHOD template[ grant schema]` for the coverage list. */
function checkRequest(request: Captured): string {
  const { template, operation, params } = operationOf(request.method, request.url.pathname);
  const where = `${request.method} ${template}`;
  if (operation.deprecated) throw new Error(`${where} is deprecated in the seed`);
  const declared = operation.parameters ?? [];
  for (const p of declared.filter((p) => p.in === 'path')) {
    if (!params[p.name]) throw new Error(`${where}: path parameter ${p.name} is empty`);
  }
  // The seed declares the bearer token as a header parameter named access_token / ACCESS_TOKEN:
  // it travels as `Authorization: Bearer …`.
  const bearer = declared.find((p) => p.in === 'header' && /^access_token$/i.test(p.name));
  if (bearer?.required && !/^Bearer \S+$/.test(request.headers.get('authorization') ?? '')) {
    throw new Error(`${where}: no Authorization: Bearer header (seed parameter ${bearer.name})`);
  }
  const queryParams = declared.filter((p) => p.in === 'query');
  const query = Object.fromEntries(request.url.searchParams);
  if (queryParams.length > 0 || request.url.search) {
    const validate = validator(`${where} query`, () => ({
      type: 'object',
      properties: Object.fromEntries(queryParams.map((p) => [p.name, closed(p.schema)])),
      required: queryParams.filter((p) => p.required).map((p) => p.name),
      additionalProperties: false,
    }));
    if (!validate(query)) throw new Error(`${where} query: ${describeErrors(validate.errors)}`);
  }
  const contentType = request.headers.get('content-type');
  if (!operation.requestBody) {
    if (request.body) throw new Error(`${where}: sends a body the seed does not define`);
    return where;
  }
  if (!contentType) {
    if (operation.requestBody.required) throw new Error(`${where}: no body, the seed requires one`);
    return where;
  }
  const media = operation.requestBody.content[contentType];
  if (!media) {
    throw new Error(
      `${where}: content type ${contentType}, the seed has ${Object.keys(operation.requestBody.content)}`,
    );
  }
  let body: Record<string, unknown>;
  if (contentType === 'application/json') {
    body = JSON.parse(request.body);
  } else {
    const form = new URLSearchParams(request.body);
    body = Object.fromEntries(form);
    if ([...form.keys()].length !== Object.keys(body).length)
      throw new Error(`${where}: a form field is repeated`);
  }
  if (template !== '/oauth/token') {
    const validate = validator(`${where} ${contentType}`, () => closed(media.schema));
    if (!validate(body)) throw new Error(`${where} body: ${describeErrors(validate.errors)}`);
    return where;
  }
  const grantType = String(body.grant_type);
  const grant = GRANTS[grantType];
  if (!grant) throw new Error(`${where}: grant_type ${grantType} is not one of the seed's grants`);
  if (grant.content !== contentType)
    throw new Error(`${where} ${grantType}: sent as ${contentType}, seed: ${grant.content}`);
  const listed = (media.schema.oneOf as Schema[]).map((s) =>
    String(s.$ref).replace('#/components/schemas/', ''),
  );
  const matching = grant.schemas.filter((name) => {
    if (!listed.includes(name))
      throw new Error(`${where}: ${name} is not a ${contentType} schema of the seed`);
    return validator(`${name} ${grantType}`, () => grantSchema(name, grantType, grant.pin))(body);
  });
  if (matching.length !== 1) {
    const errors = grant.schemas
      .map((name) => {
        const validate = validator(`${name} ${grantType}`, () => grantSchema(name, grantType, grant.pin));
        validate(body);
        return `${name}: ${describeErrors(validate.errors)}`;
      })
      .join(' | ');
    throw new Error(`${where} ${grantType} body: ${matching.length ? 'matches several schemas' : errors}`);
  }
  if (grantType === 'http://auth0.com/oauth/grant-type/mfa-otp') {
    // The MFA OTP grant's own JSON Schema (draft 2020-12, seed 003), closed the same way.
    const validate = validator(
      'otp schema file',
      () => {
        const schema = JSON.parse(otpSchemaText) as Schema;
        delete schema.$id;
        return {
          ...schema,
          additionalProperties: false,
          required: ['grant_type', 'client_id', 'mfa_token', 'otp'],
        };
      },
      ajv2020,
    );
    if (!validate(body))
      throw new Error(`${where} ${grantType} (OTP schema file): ${describeErrors(validate.errors)}`);
  }
  return `${where} ${grantType} ${matching[0]}`;
}

const json = (value: unknown, status = 200) =>
  new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
const TOKENS = {
  access_token: 'at',
  token_type: 'Bearer',
  expires_in: 60,
  id_token: 'x.y.z',
  refresh_token: 'rt',
};

/** Calls `call` with a fetch that records the request and answers `response`; returns the request. */
async function capture(call: (fetch: typeof globalThis.fetch) => Promise<unknown>, response: () => Response) {
  let captured: Captured | undefined;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    captured = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: await request.text(),
    };
    return response();
  };
  await call(fetch as typeof globalThis.fetch);
  if (!captured) throw new Error('no request was sent');
  return captured;
}

const domain = { domain: 'example.eu.auth0.com' };
const base = { ...domain, clientId: 'client-1' };
const mfa = { ...base, mfa_token: 'mfa-token' };
const secret = { clientSecret: 'secret' };
const assertion = { clientAssertion: 'header.payload.signature' };

// biome-ignore lint/suspicious/noExplicitAny: each case calls its own function with its own options
type Call = (options: any) => Promise<unknown>;
type Case = [name: string, call: Call, options: Record<string, unknown>, response: () => Response];

const cases: Case[] = [
  [
    'signup',
    api.signup,
    {
      ...base,
      email: 'ada@example.com',
      password: 'pw',
      connection: 'db',
      username: 'ada',
      given_name: 'Ada',
      family_name: 'Lovelace',
      name: 'Ada Lovelace',
      nickname: 'ada',
      picture: 'https://example.com/ada.png',
      user_metadata: { plan: 'free' },
    },
    () => json({ _id: '1', email: 'ada@example.com', email_verified: false }),
  ],
  [
    'changePassword',
    api.changePassword,
    { ...base, email: 'ada@example.com', connection: 'db', organization: 'org_1' },
    () => json("We've just sent you an email to reset your password."),
  ],
  [
    'passwordlessStart email + secret',
    api.passwordlessStart,
    {
      ...base,
      ...secret,
      connection: 'email',
      email: 'ada@example.com',
      send: 'link',
      authParams: { scope: 'openid', redirect_uri: 'https://app.example.com/cb' },
    },
    () => json({ _id: '1', email: 'ada@example.com' }),
  ],
  [
    'passwordlessStart sms + assertion',
    api.passwordlessStart,
    { ...base, ...assertion, connection: 'sms', phone_number: '+15550100', send: 'code' },
    () => json({ _id: '1', phone_number: '+15550100' }),
  ],
  [
    'passwordlessOtpGrant + assertion',
    api.passwordlessOtpGrant,
    {
      ...base,
      ...assertion,
      realm: 'email',
      username: 'ada@example.com',
      otp: '123456',
      audience: 'https://api',
      scope: 'openid',
      redirect_uri: 'https://app.example.com/cb',
    },
    () => json(TOKENS),
  ],
  [
    'passwordGrant + secret',
    api.passwordGrant,
    { ...base, ...secret, username: 'ada', password: 'pw', audience: 'https://api', scope: 'openid' },
    () => json(TOKENS),
  ],
  [
    'passwordRealmGrant + secret',
    api.passwordRealmGrant,
    {
      ...base,
      ...secret,
      username: 'ada',
      password: 'pw',
      realm: 'db',
      audience: 'https://api',
      scope: 'openid',
    },
    () => json(TOKENS),
  ],
  ['mfaListAuthenticators', api.mfaListAuthenticators, { ...domain, access_token: 'at' }, () => json([])],
  [
    'mfaDeleteAuthenticator',
    api.mfaDeleteAuthenticator,
    { ...domain, access_token: 'at', authenticator_id: 'totp|dev_1' },
    () => new Response(null, { status: 204 }),
  ],
  [
    'mfaAssociate otp',
    api.mfaAssociate,
    { ...mfa, authenticator_types: ['otp'] },
    () =>
      json({
        authenticator_type: 'otp',
        secret: 'S',
        barcode_uri: 'otpauth://totp/x',
        recovery_codes: ['R'],
      }),
  ],
  [
    'mfaAssociate oob + assertion',
    api.mfaAssociate,
    {
      ...base,
      ...assertion,
      access_token: 'at',
      authenticator_types: ['oob'],
      oob_channels: ['sms'],
      phone_number: '+15550100',
    },
    () => json({ authenticator_type: 'oob', oob_channel: 'sms', oob_code: 'o' }),
  ],
  [
    'mfaChallenge + secret',
    api.mfaChallenge,
    { ...mfa, ...secret, challenge_type: 'otp oob', authenticator_id: 'sms|dev_1' },
    () => json({ challenge_type: 'oob', oob_code: 'o', binding_method: 'prompt' }),
  ],
  ['mfaOtpGrant', api.mfaOtpGrant, { ...mfa, otp: '123456' }, () => json(TOKENS)],
  ['mfaOtpGrant + secret', api.mfaOtpGrant, { ...mfa, ...secret, otp: '123456' }, () => json(TOKENS)],
  ['mfaOtpGrant + assertion', api.mfaOtpGrant, { ...mfa, ...assertion, otp: '123456' }, () => json(TOKENS)],
  [
    'mfaOobGrant + assertion',
    api.mfaOobGrant,
    { ...mfa, ...assertion, oob_code: 'o', binding_code: '000000' },
    () => json(TOKENS),
  ],
  [
    'mfaRecoveryCodeGrant + secret',
    api.mfaRecoveryCodeGrant,
    { ...mfa, ...secret, recovery_code: 'R' },
    () => json({ ...TOKENS, recovery_code: 'R2' }),
  ],
  [
    'requestDeviceCode',
    api.requestDeviceCode,
    { ...base, scope: 'openid', audience: 'https://api' },
    () =>
      json({
        device_code: 'd',
        user_code: 'U',
        verification_uri: 'https://x/activate',
        expires_in: 900,
        interval: 5,
      }),
  ],
  ['deviceCodeGrant', api.deviceCodeGrant, { ...base, device_code: 'd' }, () => json(TOKENS)],
  [
    'pollDeviceToken',
    api.pollDeviceToken,
    { ...base, device_code: 'd', interval: 0, expires_in: 900 },
    () => json(TOKENS),
  ],
  [
    'clientCredentialsGrant',
    api.clientCredentialsGrant,
    { ...base, ...secret, audience: 'https://api' },
    () => json(TOKENS),
  ],
  [
    'tokenExchangeGrant',
    api.tokenExchangeGrant,
    {
      ...base,
      subject_token: 'apple-code',
      subject_token_type: 'http://auth0.com/oauth/token-type/apple-authz-code',
      audience: 'https://api',
      scope: 'openid',
      user_profile: '{"name":{"firstName":"Ada"}}',
    },
    () => json(TOKENS),
  ],
  [
    'refreshTokenGrant + secret',
    api.refreshTokenGrant,
    { ...base, ...secret, refresh_token: 'rt', scope: 'openid' },
    () => json(TOKENS),
  ],
  [
    'authorizationCodeGrant PKCE',
    api.authorizationCodeGrant,
    { ...base, code: 'c', code_verifier: 'v', redirect_uri: 'https://app.example.com/cb' },
    () => json(TOKENS),
  ],
  [
    'authorizationCodeGrant + secret',
    api.authorizationCodeGrant,
    { ...base, ...secret, code: 'c', redirect_uri: 'https://app.example.com/cb' },
    () => json(TOKENS),
  ],
  [
    'revokeRefreshToken + assertion',
    api.revokeRefreshToken,
    { ...base, ...assertion, token: 'rt' },
    () => new Response(null, { status: 200 }),
  ],
  ['revokeRefreshToken', api.revokeRefreshToken, { ...base, token: 'rt' }, () => new Response('')],
  ['getUserInfo', api.getUserInfo, { ...domain, access_token: 'at' }, () => json({ sub: 'auth0|1' })],
  [
    'registerClient',
    api.registerClient,
    {
      ...domain,
      client_name: 'SPA',
      redirect_uris: ['https://app.example.com/cb'],
      token_endpoint_auth_method: 'none',
    },
    () => json({ client_id: 'new' }),
  ],
  ['getSamlMetadata', api.getSamlMetadata, { ...base }, () => new Response('<EntityDescriptor/>')],
  ['getWsFedMetadata', api.getWsFedMetadata, { ...domain }, () => new Response('<EntityDescriptor/>')],
];

// Options that are not request fields, and where the others travel when not in the body/query.
const TRANSPORT = new Set(['domain', 'fetch', 'timeoutInSeconds', 'signal', 'interval', 'expires_in']);
const RENAMED: Record<string, string> = {
  clientId: 'client_id',
  clientSecret: 'client_secret',
  clientAssertion: 'client_assertion',
};

/**
 * Every field the caller gave reaches the request under its seed name and with its value: in the
 * body or query, in the Authorization header (bearer tokens) or in the path. Catches a field the
 * code reads under another name (it would silently not be sent).
 */
function checkEverythingSent(options: Record<string, unknown>, request: Captured): void {
  const sent: Record<string, unknown> = Object.fromEntries(request.url.searchParams);
  const type = request.headers.get('content-type');
  if (type === 'application/json') Object.assign(sent, JSON.parse(request.body));
  if (type === 'application/x-www-form-urlencoded')
    Object.assign(sent, Object.fromEntries(new URLSearchParams(request.body)));
  const authorization = request.headers.get('authorization');
  const path = decodeURIComponent(request.url.pathname);
  for (const [key, value] of Object.entries(options)) {
    if (TRANSPORT.has(key)) continue;
    const name = RENAMED[key] ?? key;
    if (name === 'client_id' && !(name in sent) && path.includes(`/${value}`)) continue;
    if (name in sent) {
      expect(sent[name], `field ${name}`).toEqual(value);
    } else if (authorization !== `Bearer ${value}` && !path.endsWith(`/${value}`)) {
      throw new Error(`${request.method} ${request.url.pathname}: option ${key} was not sent`);
    }
  }
}

/** URL builders: the URL is the request (a GET, no body). */
// biome-ignore lint/suspicious/noExplicitAny: each case calls its own builder with its own options
const urls: [name: string, build: (options: any) => URL, options: Record<string, unknown>][] = [
  [
    'authorizeUrl',
    api.authorizeUrl,
    {
      ...base,
      response_type: 'code',
      redirect_uri: 'https://app.example.com/cb',
      audience: 'https://api',
      scope: 'openid',
      state: 's',
      nonce: 'n',
      code_challenge: 'c',
      code_challenge_method: 'S256',
      connection: 'github',
      prompt: 'login',
      organization: 'org_1',
      invitation: 'inv',
    },
  ],
  ['logoutUrl', api.logoutUrl, { ...base, returnTo: 'https://app.example.com/' }],
  [
    'oidcLogoutUrl',
    api.oidcLogoutUrl,
    {
      ...base,
      id_token_hint: 'x.y.z',
      logout_hint: 'sid',
      post_logout_redirect_uri: 'https://app.example.com/',
      state: 's',
      ui_locales: 'en',
    },
  ],
  ['samlpUrl', api.samlpUrl, { ...base, connection: 'google-oauth2', organization: 'org_1' }],
  [
    'wsfedUrl',
    api.wsfedUrl,
    { ...base, wtrealm: 'urn:app', whr: 'google', wctx: 's', wreply: 'https://app/cb' },
  ],
  // `federated` is a flag: sent empty, so not compared by value.
  ['logoutUrl federated', (options) => api.logoutUrl({ ...options, federated: true }), { ...base }],
  ['oidcLogoutUrl federated', (options) => api.oidcLogoutUrl({ ...options, federated: true }), { ...base }],
];

const toCaptured = (url: URL): Captured => ({ method: 'GET', url, headers: new Headers(), body: '' });

/**
 * Seed operations not offered, and why. Everything else in the seed must be reached by a case.
 * The deprecated ones are listed in the README with what replaces each.
 */
const NOT_OFFERED: Record<string, string> = {
  'POST /passwordless/verify': 'deprecated',
  'POST /oauth/access_token': 'deprecated',
  'POST /oauth/ro': 'deprecated',
  'POST /tokeninfo': 'deprecated',
  'POST /delegation': 'deprecated',
  'POST /unlink': 'deprecated',
  'POST /users/{user_id}/impersonate': 'deprecated',
  'POST /samlp/{CLIENT_ID}/logout':
    "a SAML service provider's back-channel (an XML LogoutRequest), not an app's call",
  'POST /login/callback': "a SAML identity provider's IdP-initiated post to Auth0, not an app's call",
};

describe('requests match the seed OpenAPI document', () => {
  const covered = new Set<string>();

  it.each(cases)('%s', async (_, call, options, response) => {
    const request = await capture((fetch) => call({ ...options, fetch }), response);
    covered.add(checkRequest(request));
    checkEverythingSent(options, request);
  });

  it.each(urls)('%s', (_, build, options) => {
    const request = toCaptured(build(options));
    covered.add(checkRequest(request));
    checkEverythingSent(options, request);
  });

  it('every operation and /oauth/token grant of the seed is covered or listed as not offered', () => {
    const operations = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const reached = new Set([...covered].map((c) => c.split(' ').slice(0, 2).join(' ')));
    const missing = operations.filter((op) => !reached.has(op) && !(op in NOT_OFFERED));
    expect(missing).toEqual([]);
    const deprecated = operations.filter((op) => {
      const [method, path] = op.split(' ') as [string, string];
      return spec.paths[path]?.[method.toLowerCase()]?.deprecated;
    });
    expect(deprecated.every((op) => NOT_OFFERED[op] === 'deprecated' && !reached.has(op))).toBe(true);
    const tokenRequests = [...covered]
      .filter((c) => c.startsWith('POST /oauth/token '))
      .map((c) => c.split(' '));
    expect(new Set(tokenRequests.map((c) => c[2]))).toEqual(new Set(Object.keys(GRANTS)));
    const seedSchemas = Object.values(spec.paths['/oauth/token']?.post?.requestBody?.content ?? {}).flatMap(
      (media) =>
        (media.schema.oneOf as Schema[]).map((s) => String(s.$ref).replace('#/components/schemas/', '')),
    );
    expect(new Set(tokenRequests.map((c) => c[3]))).toEqual(new Set(seedSchemas));
  });
});

describe('the contract check itself', () => {
  const signupCall = (fetch: typeof globalThis.fetch) =>
    api.signup({ ...base, fetch, email: 'ada@example.com', password: 'pw', connection: 'db' });
  const ok = () => json({ _id: '1', email: 'ada@example.com', email_verified: false });

  it('names a renamed JSON field', async () => {
    const request = await capture(signupCall, ok);
    const body = JSON.parse(request.body);
    body.e_mail = body.email;
    delete body.email;
    expect(() => checkRequest({ ...request, body: JSON.stringify(body) })).toThrow(
      /POST \/dbconnections\/signup body: .*additional propert.*"e_mail"/,
    );
  });

  it('names a renamed form field of a grant, also against the MFA OTP schema file', async () => {
    const request = await capture(
      (fetch) => api.mfaOtpGrant({ ...mfa, fetch, otp: '1' }),
      () => json(TOKENS),
    );
    const renamed = request.body.replace('mfa_token=', 'mfaToken=');
    expect(() => checkRequest({ ...request, body: renamed })).toThrow(/OTP: .*"mfaToken"/);
  });

  it('refuses a wrong content type, a wrong grant_type and a renamed query parameter', async () => {
    const request = await capture(signupCall, ok);
    const form = new Headers({ 'content-type': 'application/x-www-form-urlencoded' });
    expect(() => checkRequest({ ...request, headers: form })).toThrow(/content type/);
    const grant = await capture(
      (fetch) => api.refreshTokenGrant({ ...base, fetch, refresh_token: 'r' }),
      () => json(TOKENS),
    );
    expect(() =>
      checkRequest({ ...grant, body: grant.body.replace('refresh_token=r', 'refreshToken=r') }),
    ).toThrow(/"refreshToken"/);
    const url = api.logoutUrl({ ...base, returnTo: 'https://app/' });
    url.searchParams.set('return_to', url.searchParams.get('returnTo') ?? '');
    url.searchParams.delete('returnTo');
    expect(() => checkRequest(toCaptured(url))).toThrow(/GET \/v2\/logout query: .*"return_to"/);
  });
});
