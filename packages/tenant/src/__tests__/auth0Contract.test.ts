import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type RunningTenant, startTenant } from '../startTenant.js';

/** The seed OpenAPI document (the core's copy, kept in the repository for fresh clones). */
const SPEC = new URL(
  '../../../core/src/authentication/__tests__/seed/auth0-authentication-api-openapi.yml',
  import.meta.url,
);

interface Operation {
  deprecated?: boolean;
  requestBody?: { content?: Record<string, unknown> };
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

/** The deprecated endpoints of the seed, which the tenant does not serve, and why. */
const DEPRECATED: Record<string, string> = {
  'POST /oauth/ro': 'Resource Owner endpoint, replaced by /oauth/token with grant_type=password(-realm)',
  'POST /oauth/access_token': 'social access-token exchange, replaced by native social token exchange',
  'POST /tokeninfo': 'replaced by /userinfo',
  'POST /delegation': 'replaced by refresh tokens and token exchange',
  'POST /unlink': "replaced by the Management API's DELETE /api/v2/users/{id}/identities/...",
  'POST /users/{user_id}/impersonate': 'removed from Auth0',
  'POST /passwordless/verify': 'replaced by the passwordless OTP grant at /oauth/token',
};

const spec = parse(readFileSync(SPEC, 'utf8')) as Spec;
const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    key: `${method.toUpperCase()} ${path}`,
    method: method.toUpperCase(),
    path,
    operation,
  })),
);

/** Every grant type the seed names for `/oauth/token`: enums and the URIs in the grant schemas' text. */
const grantTypes = (() => {
  const text = JSON.stringify(spec.components.schemas);
  const found = new Set<string>();
  for (const [, uri] of text.matchAll(
    /(http:\/\/auth0\.com\/oauth\/grant-type\/[\w/-]*\w|urn:ietf:params:oauth:grant-type:[\w-]+)/g,
  )) {
    found.add(uri!);
  }
  for (const schema of Object.values(spec.components.schemas) as {
    properties?: { grant_type?: { enum?: string[] } };
  }[]) {
    for (const value of schema.properties?.grant_type?.enum ?? []) found.add(value);
  }
  return [...found].sort();
})();

let tenant: RunningTenant;
beforeAll(async () => {
  // Dynamic registration is off by default, as on Auth0; the contract covers it switched on.
  tenant = await startTenant({ port: 0, config: { registration: { enabled: true } } });
});
afterAll(() => tenant?.stop());

/** A minimal request to an operation: path parameters filled, a `client_id` body. */
function request(method: string, path: string, operation: Operation): [URL, RequestInit] {
  const url = new URL(
    path
      .replace(/\{(client_id|CLIENT_ID)\}/g, 'sesame-spa')
      .replace(/\{[^}]+\}/g, 'unknown')
      .slice(1),
    tenant.url,
  );
  if (method === 'GET' || method === 'DELETE') return [url, { method, redirect: 'manual' }];
  const content = Object.keys(operation.requestBody?.content ?? {});
  const json = content.includes('application/json') && !content.includes('application/x-www-form-urlencoded');
  return [
    url,
    {
      method,
      redirect: 'manual',
      headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
      body: json
        ? JSON.stringify({ client_id: 'sesame-spa' })
        : new URLSearchParams({ client_id: 'sesame-spa' }).toString(),
    },
  ];
}

describe('the seed OpenAPI document', () => {
  it('lists exactly the deprecated endpoints the tenant leaves out', () => {
    const deprecated = operations.filter((op) => op.operation.deprecated).map((op) => op.key);
    expect(deprecated.sort()).toEqual(Object.keys(DEPRECATED).sort());
  });

  it('has every non-deprecated endpoint served by the tenant', async () => {
    const missing: string[] = [];
    for (const { key, method, path, operation } of operations) {
      if (operation.deprecated) continue;
      const response = await fetch(...request(method, path, operation));
      const text = await response.text();
      if (response.status === 404 || response.status === 405) missing.push(`${key} (${response.status})`);
      // `/login/callback` would otherwise be taken for a login page (`/login/:uid`) of an unknown interaction.
      else if (text.includes('This login page has expired'))
        missing.push(`${key} (answered by the login page)`);
    }
    expect(missing, `endpoints not served: ${missing.join(', ')}`).toEqual([]);
  });

  it('has every /oauth/token grant type supported by the tenant', async () => {
    expect(grantTypes).toContain('http://auth0.com/oauth/grant-type/password-realm');
    const missing: string[] = [];
    for (const grantType of grantTypes) {
      const response = await fetch(new URL('oauth/token', tenant.url), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: grantType, client_id: 'sesame-spa' }),
      });
      const body = (await response.json()) as { error?: string };
      if (body.error === 'unsupported_grant_type') missing.push(grantType);
    }
    expect(missing, `grant types not supported: ${missing.join(', ')}`).toEqual([]);
  });
});
