// Revocation, userinfo, dynamic registration, JWKS, discovery and the SAML / WS-Fed metadata.
import { describe, expect, it } from 'vitest';
import {
  getJwks,
  getOpenIdConfiguration,
  getSamlMetadata,
  getUserInfo,
  getWsFedMetadata,
  registerClient,
  revokeRefreshToken,
} from '../index.js';
import { CLIENT, DOMAIN, fakeFetch, json, ORIGIN, oauthError } from './helpers/fakeFetch.js';

describe('revokeRefreshToken', () => {
  it('posts client_id and token as JSON', async () => {
    const { fetch, requests } = fakeFetch(new Response(null, { status: 200 }));
    await expect(revokeRefreshToken({ ...CLIENT, fetch, token: 'refresh-1' })).resolves.toBeUndefined();
    expect(requests[0]?.url.href).toBe(`${ORIGIN}/oauth/revoke`);
    expect(requests[0]?.headers.get('content-type')).toBe('application/json');
    expect(requests[0]?.body).toEqual({ client_id: 'client-1', token: 'refresh-1' });
  });

  it('rejects invalid_request with the server code', async () => {
    const { fetch } = fakeFetch(oauthError(400, 'invalid_request', 'Invalid token'));
    await expect(revokeRefreshToken({ ...CLIENT, fetch, token: 't' })).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });

  it('refuses a missing token, naming it', async () => {
    await expect(revokeRefreshToken({ ...CLIENT } as never)).rejects.toThrow(
      new TypeError('"options.token" must be a non-empty string'),
    );
  });
});

describe('getUserInfo', () => {
  it('gets the profile with the bearer token', async () => {
    const { fetch, requests } = fakeFetch(json({ sub: 'auth0|1', email: 'ada@example.com' }));
    await expect(getUserInfo({ domain: DOMAIN, fetch, access_token: 'at' })).resolves.toEqual({
      sub: 'auth0|1',
      email: 'ada@example.com',
    });
    expect(requests[0]?.method).toBe('GET');
    expect(requests[0]?.url.pathname).toBe('/userinfo');
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer at');
  });

  it('rejects an invalid token, and a profile without sub', async () => {
    const denied = fakeFetch(oauthError(401, 'invalid_token'));
    await expect(
      getUserInfo({ domain: DOMAIN, fetch: denied.fetch, access_token: 'at' }),
    ).rejects.toMatchObject({
      code: 'invalid_token',
    });
    const noSub = fakeFetch(json({ email: 'x' }));
    await expect(
      getUserInfo({ domain: DOMAIN, fetch: noSub.fetch, access_token: 'at' }),
    ).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });

  it('refuses a missing access_token, naming it', async () => {
    await expect(getUserInfo({ domain: DOMAIN } as never)).rejects.toThrow(
      new TypeError('"options.access_token" must be a non-empty string'),
    );
  });
});

describe('registerClient', () => {
  it('posts the client metadata as JSON and returns the new client', async () => {
    const created = { client_id: 'new-1', client_name: 'SPA', redirect_uris: ['https://app/cb'] };
    const { fetch, requests } = fakeFetch(json(created, 201));
    const result = await registerClient({
      domain: DOMAIN,
      fetch,
      client_name: 'SPA',
      redirect_uris: ['https://app/cb'],
      token_endpoint_auth_method: 'none',
    });
    expect(result).toEqual(created);
    expect(requests[0]?.url.pathname).toBe('/oidc/register');
    expect(requests[0]?.body).toEqual({
      client_name: 'SPA',
      redirect_uris: ['https://app/cb'],
      token_endpoint_auth_method: 'none',
    });
  });

  it('rejects invalid_redirect_uri with the server code', async () => {
    const { fetch } = fakeFetch(oauthError(400, 'invalid_redirect_uri'));
    await expect(registerClient({ domain: DOMAIN, fetch, redirect_uris: ['x'] })).rejects.toMatchObject({
      code: 'invalid_redirect_uri',
    });
  });

  it('refuses missing redirect_uris, naming them', async () => {
    await expect(registerClient({ domain: DOMAIN } as never)).rejects.toThrow(
      new TypeError('"options.redirect_uris" must be an array of non-empty strings'),
    );
  });
});

describe('getJwks and getOpenIdConfiguration', () => {
  it('gets the key set', async () => {
    const jwks = { keys: [{ kty: 'RSA', kid: 'k1', n: 'n', e: 'AQAB' }] };
    const { fetch } = fakeFetch(json(jwks));
    await expect(getJwks({ domain: DOMAIN, fetch })).resolves.toEqual(jwks);
  });

  it('refuses a key set without keys', async () => {
    const { fetch } = fakeFetch(json({}));
    await expect(getJwks({ domain: DOMAIN, fetch })).rejects.toMatchObject({ code: 'invalid_response' });
  });

  const metadata = {
    issuer: `${ORIGIN}/`,
    authorization_endpoint: `${ORIGIN}/authorize`,
    token_endpoint: `${ORIGIN}/oauth/token`,
    jwks_uri: `${ORIGIN}/.well-known/jwks.json`,
  };

  it('gets the discovery document of the domain', async () => {
    const { fetch, requests } = fakeFetch(json(metadata));
    await expect(getOpenIdConfiguration({ domain: DOMAIN, fetch })).resolves.toEqual(metadata);
    expect(requests[0]?.url.pathname).toBe('/.well-known/openid-configuration');
  });

  it('refuses a discovery document of another issuer', async () => {
    const { fetch } = fakeFetch(json({ ...metadata, issuer: 'https://evil.example/' }));
    await expect(getOpenIdConfiguration({ domain: DOMAIN, fetch })).rejects.toMatchObject({
      code: 'invalid_response',
      description: 'the discovery document names another issuer',
    });
  });
});

describe('SAML and WS-Fed metadata', () => {
  it('gets the SAML metadata of the application as text', async () => {
    const { fetch, requests } = fakeFetch(new Response('<EntityDescriptor entityID="urn:x"/>'));
    await expect(getSamlMetadata({ ...CLIENT, fetch })).resolves.toBe('<EntityDescriptor entityID="urn:x"/>');
    expect(requests[0]?.url.pathname).toBe('/samlp/metadata/client-1');
  });

  it('gets the WS-Fed metadata as text', async () => {
    const { fetch, requests } = fakeFetch(new Response('<EntityDescriptor/>'));
    await expect(getWsFedMetadata({ domain: DOMAIN, fetch })).resolves.toBe('<EntityDescriptor/>');
    expect(requests[0]?.url.pathname).toBe('/wsfed/FederationMetadata/2007-06/FederationMetadata.xml');
  });

  it('rejects an unknown application with the server code, and refuses a missing clientId', async () => {
    const { fetch } = fakeFetch(oauthError(404, 'not_found', 'Client not found'));
    await expect(getSamlMetadata({ ...CLIENT, fetch })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getSamlMetadata({ domain: DOMAIN } as never)).rejects.toThrow(
      new TypeError('"options.clientId" must be a non-empty string'),
    );
  });
});
