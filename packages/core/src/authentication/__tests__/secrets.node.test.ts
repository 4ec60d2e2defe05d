// @vitest-environment node
// Outside a browser page (a server, Node 20+) the client secret and assertion are sent.
import { describe, expect, it } from 'vitest';
import { clientCredentialsGrant, mfaChallenge, passwordlessStart, revokeRefreshToken } from '../index.js';
import { CLIENT, fakeFetch, json, TOKENS } from './helpers/fakeFetch.js';

describe('client authentication in Node', () => {
  it('sends client_secret with the client credentials grant', async () => {
    const { fetch, requests } = fakeFetch(json(TOKENS));
    await expect(
      clientCredentialsGrant({ ...CLIENT, fetch, clientSecret: 's3cret', audience: 'https://api' }),
    ).resolves.toEqual(TOKENS);
    expect(requests[0]?.body).toEqual({
      grant_type: 'client_credentials',
      client_id: 'client-1',
      audience: 'https://api',
      client_secret: 's3cret',
    });
  });

  it('sends client_assertion with its jwt-bearer type', async () => {
    const { fetch, requests } = fakeFetch(json({ _id: '1' }));
    await passwordlessStart({
      ...CLIENT,
      fetch,
      clientAssertion: 'h.p.s',
      connection: 'email',
      email: 'a@b.c',
    });
    expect(requests[0]?.body).toMatchObject({
      client_assertion: 'h.p.s',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    });
  });

  it('refuses both at once, and an empty secret, naming them', async () => {
    await expect(
      revokeRefreshToken({ ...CLIENT, token: 't', clientSecret: 's', clientAssertion: 'h.p.s' }),
    ).rejects.toThrow(/"options.clientSecret" must be left out when "options.clientAssertion" is given/);
    await expect(mfaChallenge({ ...CLIENT, mfa_token: 'm', clientSecret: '' })).rejects.toThrow(
      new TypeError('"options.clientSecret" must be a non-empty string'),
    );
  });
});
