import { beforeEach, describe, expect, it } from 'vitest';
import { accessDenied, FakeClient } from '../../../../../test-support/FakeClient.js';
import {
  ada,
  createAuth0FakeServer,
} from '../../authentication/session/__tests__/helpers/auth0FakeServer.js';
import { withAuthenticationApi } from '../../authentication/session/withAuthenticationApi.js';
import { createAuthClient } from '../../createAuthClient.js';
import { AuthError } from '../../errors/AuthError.js';
import { MfaRequiredError as SesameMfaRequiredError } from '../../errors/MfaRequiredError.js';
import { auth0Methods, snapshotError } from '../auth0Methods.js';
import {
  AuthenticationError,
  GenericError,
  MfaRequiredError,
  MissingRefreshTokenError,
  PopupCancelledError,
  PopupOpenError,
  PopupTimeoutError,
  TimeoutError,
} from '../errors.js';
import { toSesameOptions } from '../toSesameOptions.js';
import { withUnsupportedMembers } from '../unsupportedMembers.js';

/** A fake client whose token and popup calls reject with `error`. */
function failing(error: AuthError): FakeClient {
  const client = new FakeClient();
  client.getTokenSilently = () => Promise.reject(error);
  client.checkSession = () => Promise.reject(error);
  client.loginWithPopup = () => Promise.reject(error);
  client.getTokenWithPopup = () => Promise.reject(error);
  return client;
}

describe('auth0Methods', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('resolves cache-only with undefined where the core says login_required (the real core, nothing stored)', async () => {
    const client = createAuthClient(toSesameOptions({ domain: 'http://127.0.0.1:9', clientId: 'abc' }));
    const { getAccessTokenSilently } = auth0Methods(client);
    await expect(getAccessTokenSilently({ cacheMode: 'cache-only' })).resolves.toBeUndefined();
  });

  it('rejects a missing refresh token as MissingRefreshTokenError with the audience (the real core)', async () => {
    const options = toSesameOptions({
      domain: 'http://127.0.0.1:9',
      clientId: 'abc',
      useRefreshTokens: true,
    });
    const { getAccessTokenSilently } = auth0Methods(createAuthClient(options));
    const error = await getAccessTokenSilently({ authorizationParams: { audience: 'https://api' } }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(MissingRefreshTokenError);
    expect(error).toBeInstanceOf(GenericError);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({
      error: 'missing_refresh_token',
      audience: 'https://api',
      code: 'missing_refresh_token',
    });
    expect(error.cause).toBeInstanceOf(AuthError);
  });

  it.each([
    ['a timeout', new AuthError('timeout', 'slow'), TimeoutError, 'timeout'],
    ['mfa_required', new SesameMfaRequiredError('mfa-token', 'need mfa'), MfaRequiredError, 'mfa_required'],
    ['a server error', new AuthError('login_required', 'Login required'), GenericError, 'login_required'],
  ])('rejects %s from getAccessTokenSilently as %o', async (_, sesameError, Class, code) => {
    const error = await auth0Methods(failing(sesameError))
      .getAccessTokenSilently()
      .catch((e) => e);
    expect(error).toBeInstanceOf(Class);
    expect(error.error).toBe(code);
    expect(error.cause).toBe(sesameError);
  });

  it('keeps the mfa_token and the description as the message', async () => {
    const error = await auth0Methods(failing(new SesameMfaRequiredError('mfa-token', 'need mfa')))
      .getAccessTokenSilently()
      .catch((e) => e);
    expect(error).toMatchObject({
      mfa_token: 'mfa-token',
      error_description: 'need mfa',
      message: 'need mfa',
    });
  });

  it.each([
    ['popup_closed', PopupCancelledError, 'cancelled'],
    ['popup_blocked', PopupOpenError, 'popup_open'],
    ['timeout', PopupTimeoutError, 'timeout'],
  ])('rejects %s from loginWithPopup as %o with the popup passed', async (code, Class, error) => {
    const popup = {} as Window;
    const rejection = await auth0Methods(failing(new AuthError(code)))
      .loginWithPopup({}, { popup })
      .catch((e) => e);
    expect(rejection).toBeInstanceOf(Class);
    expect(rejection.error).toBe(error);
    if (code !== 'popup_blocked') expect(rejection.popup).toBe(popup);
  });

  it('rejects a popup timeout as a TimeoutError too', async () => {
    const rejection = await auth0Methods(failing(new AuthError('timeout')))
      .getAccessTokenWithPopup()
      .catch((e) => e);
    expect(rejection).toBeInstanceOf(TimeoutError);
  });

  it('rejects an error callback as AuthenticationError with its state, and snapshotError is that object', async () => {
    const client = new FakeClient();
    client.callback = () => Promise.reject(accessDenied);
    const methods = auth0Methods(client);
    const error = await methods
      .handleRedirectCallback('http://app.test/?error=access_denied&state=s1')
      .catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ error: 'access_denied', state: 's1', appState: null });
    expect(snapshotError(client)).toBe(error);
  });

  it("converts the snapshot's error of a callback the provider handled (URL read at creation)", () => {
    window.history.replaceState(null, '', '/?error=access_denied&state=s2');
    const client = new FakeClient();
    auth0Methods(client);
    client.set({ error: new AuthError('access_denied', 'denied') });
    const error = snapshotError(client);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ state: 's2' });
  });

  it("renames invalid_state to auth0-spa-js's missing_transaction", async () => {
    const client = new FakeClient();
    client.callback = () => Promise.reject(new AuthError('invalid_state', 'unknown state'));
    const error = await auth0Methods(client)
      .handleRedirectCallback('http://app.test/?code=c&state=s')
      .catch((e) => e);
    expect(error).toBeInstanceOf(GenericError);
    expect(error).not.toBeInstanceOf(AuthenticationError);
    expect(error.error).toBe('missing_transaction');
  });

  it('maps a detailed response to auth0-spa-js fields', async () => {
    const client = new FakeClient();
    client.getTokenSilently = (() =>
      Promise.resolve({
        access_token: 'at',
        token_type: 'Bearer',
        expires_in: 60,
        scope: 'openid',
      })) as never;
    await expect(auth0Methods(client).getAccessTokenSilently({ detailedResponse: true })).resolves.toEqual({
      access_token: 'at',
      id_token: '',
      token_type: 'Bearer',
      expires_in: 60,
      scope: 'openid',
    });
  });

  it('refuses fragment and a logout clientId with a TypeError, sending nothing', async () => {
    const client = new FakeClient();
    const methods = auth0Methods(client);
    expect(() => methods.loginWithRedirect({ fragment: 'x' })).toThrow(/"options.fragment" is not supported/);
    expect(() => methods.logout({ clientId: null })).toThrow(/"options.clientId" is not supported/);
    expect(client.calls).toEqual([]);
  });

  it('passes login, popup and logout options through to the client', async () => {
    const client = new FakeClient();
    const methods = auth0Methods<{ returnTo: string }>(client);
    await methods.loginWithRedirect({
      appState: { returnTo: '/x' },
      authorizationParams: { screen_hint: 'signup' },
    });
    await methods.logout({ logoutParams: { returnTo: 'http://app.test/' } });
    await methods.loginWithPopup({}, { closePopup: false });
    expect(client.calls).toEqual([
      {
        method: 'loginWithRedirect',
        args: [{ appState: { returnTo: '/x' }, authorizationParams: { screen_hint: 'signup' } }],
      },
      { method: 'logout', args: [{ logoutParams: { returnTo: 'http://app.test/' } }] },
      { method: 'loginWithPopup', args: [{}, { closePopup: false }] },
    ]);
  });

  it('revokes the stored refresh token as auth0-spa-js does (the real core): /oauth/revoke, then none is left', async () => {
    const server = await createAuth0FakeServer();
    const client = createAuthClient(server.options({ useRefreshTokens: true, silentAuth: false }));
    await withAuthenticationApi(client).loginWithPassword(ada);
    await auth0Methods(client).revokeRefreshToken();
    expect(server.revoked).toEqual([expect.stringMatching(/^rt-/)]);
    server.clock.advance(3600);
    const error = await auth0Methods(client)
      .getAccessTokenSilently()
      .catch((e) => e);
    expect(error).toBeInstanceOf(MissingRefreshTokenError);
  });

  it.each([
    ['mfa', /withAuthenticationApi\(client\)\.mfa from @sesame\/core\/authentication/],
    ['createFetcher', /createFetcher\(client, \{ baseUrl, allowedOrigins \}\) from @sesame\/core\/fetcher/],
    ['exchangeToken', /tokenExchangeGrant\(\) from @sesame\/core\/authentication/],
    ['generateDpopProof', /dpop\(\) from @sesame\/core\/dpop/],
    ['passkey', /no passkey API/],
    ['getConfiguration', /the options you passed/],
  ])('throws a TypeError naming the Sesame way when %s (not offered) is read', (name, way) => {
    const context = withUnsupportedMembers({ isLoading: false });
    const read = () => Reflect.get(context, name);
    expect(read).toThrow(TypeError);
    expect(read).toThrow(new RegExp(`"useAuth0\\(\\)\\.${name}" is not supported by Sesame`));
    expect(read).toThrow(way);
  });

  it('keeps the unsupported members out of spreads and key lists, so copying the context reads none', () => {
    const context = withUnsupportedMembers({ isLoading: false });
    expect({ ...context }).toEqual({ isLoading: false });
    expect(Object.keys(context)).toEqual(['isLoading']);
  });
});
