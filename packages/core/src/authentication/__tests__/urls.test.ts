import { describe, expect, it } from 'vitest';
import { authorizeUrl, logoutUrl, oidcLogoutUrl, samlpUrl, wsfedUrl } from '../index.js';
import { CLIENT, ORIGIN } from './helpers/fakeFetch.js';

const query = (url: URL) => Object.fromEntries(url.searchParams);

describe('authorizeUrl', () => {
  it('builds /authorize with the client id and the given parameters', () => {
    const url = authorizeUrl({
      ...CLIENT,
      response_type: 'code',
      redirect_uri: 'https://app/cb',
      scope: 'openid profile',
      state: 's',
      code_challenge: 'c',
      code_challenge_method: 'S256',
      extraParams: { login_hint: 'ada@example.com', client_id: 'ignored' },
    });
    expect(url.origin + url.pathname).toBe(`${ORIGIN}/authorize`);
    expect(query(url)).toEqual({
      login_hint: 'ada@example.com',
      client_id: 'client-1',
      response_type: 'code',
      redirect_uri: 'https://app/cb',
      scope: 'openid profile',
      state: 's',
      code_challenge: 'c',
      code_challenge_method: 'S256',
    });
  });

  it.each([
    [
      { response_type: 'code id_token' },
      /"options.response_type" must be "code", "token" or "id_token token"/,
    ],
    [
      { response_type: 'code', code_challenge_method: 'plain' },
      /"options.code_challenge_method" must be "S256"/,
    ],
    [
      { response_type: 'code', extraParams: { max_age: 5 } },
      /"options.extraParams.max_age" must be a string/,
    ],
    [{ response_type: 'code', clientId: undefined }, /"options.clientId" must be a non-empty string/],
    [{ response_type: 'code', domain: 'http://example.com' }, /"options.domain" must be https/],
  ])('throws a TypeError naming the option for %j', (bad, message) => {
    expect(() => authorizeUrl({ ...CLIENT, ...bad } as never)).toThrow(message);
  });
});

describe('logout URLs', () => {
  it('builds /v2/logout with returnTo, client_id and the federated flag', () => {
    const url = logoutUrl({ ...CLIENT, returnTo: 'https://app/', federated: true });
    expect(url.href).toBe(`${ORIGIN}/v2/logout?returnTo=https%3A%2F%2Fapp%2F&client_id=client-1&federated=`);
    expect(logoutUrl({ domain: CLIENT.domain }).href).toBe(`${ORIGIN}/v2/logout`);
  });

  it('builds /oidc/logout', () => {
    const url = oidcLogoutUrl({
      ...CLIENT,
      id_token_hint: 'h.p.s',
      post_logout_redirect_uri: 'https://app/',
      state: 's',
    });
    expect(url.pathname).toBe('/oidc/logout');
    expect(query(url)).toEqual({
      id_token_hint: 'h.p.s',
      post_logout_redirect_uri: 'https://app/',
      state: 's',
      client_id: 'client-1',
    });
  });

  it('throws a TypeError naming a bad option', () => {
    expect(() => logoutUrl({ ...CLIENT, federated: 'yes' } as never)).toThrow(
      /"options.federated" must be a boolean/,
    );
    expect(() => oidcLogoutUrl({ ...CLIENT, state: 1 } as never)).toThrow(
      /"options.state" must be a non-empty string/,
    );
  });
});

describe('SAML and WS-Fed URLs', () => {
  it('builds /samlp/{client_id} with connection and organization', () => {
    expect(samlpUrl({ ...CLIENT, connection: 'github' }).href).toBe(
      `${ORIGIN}/samlp/client-1?connection=github`,
    );
  });

  it('builds /wsfed/{client_id} with the WS-Fed parameters', () => {
    const url = wsfedUrl({ ...CLIENT, wctx: 'state', wreply: 'https://app/wsfed', whr: 'github' });
    expect(url.pathname).toBe('/wsfed/client-1');
    expect(query(url)).toEqual({ whr: 'github', wctx: 'state', wreply: 'https://app/wsfed' });
  });

  it('encodes the client id into the path and refuses a missing one', () => {
    expect(samlpUrl({ ...CLIENT, clientId: 'a/b' }).pathname).toBe('/samlp/a%2Fb');
    expect(() => wsfedUrl({ domain: CLIENT.domain } as never)).toThrow(
      /"options.clientId" must be a non-empty string/,
    );
  });
});
