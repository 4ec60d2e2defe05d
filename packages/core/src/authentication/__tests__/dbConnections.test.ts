import { describe, expect, it } from 'vitest';
import { AuthError, changePassword, signup } from '../index.js';
import { CLIENT, dbError, fakeFetch, json, ORIGIN } from './helpers/fakeFetch.js';

const user = {
  email: 'ada@example.com',
  password: 'c0rrect-H0rse',
  connection: 'Username-Password-Authentication',
};

describe('signup', () => {
  it('posts the user as JSON with the client id and returns the created user', async () => {
    const created = { _id: '64f0', email: user.email, email_verified: false, given_name: 'Ada' };
    const { fetch, requests } = fakeFetch(json(created));
    const result = await signup({
      ...CLIENT,
      fetch,
      ...user,
      given_name: 'Ada',
      user_metadata: { plan: 'free' },
    });
    expect(result).toEqual(created);
    expect(requests[0]?.method).toBe('POST');
    expect(requests[0]?.url.href).toBe(`${ORIGIN}/dbconnections/signup`);
    expect(requests[0]?.headers.get('content-type')).toBe('application/json');
    expect(requests[0]?.body).toEqual({
      client_id: 'client-1',
      ...user,
      given_name: 'Ada',
      user_metadata: { plan: 'free' },
    });
  });

  it.each([
    ['user_exists', 'The user already exists.'],
    ['invalid_signup', 'Invalid sign up'],
    ['bad.connection', 'Connection does not exist'],
  ])('rejects with the server code %s', async (code, description) => {
    const { fetch } = fakeFetch(dbError(400, code, description));
    await expect(signup({ ...CLIENT, fetch, ...user })).rejects.toMatchObject({ code, description });
  });

  it.each([
    ['email', { email: undefined }, /"options.email" must be a non-empty string/],
    ['password', { password: '' }, /"options.password" must be a non-empty string/],
    ['connection', { connection: 3 }, /"options.connection" must be a non-empty string/],
    ['clientId', { clientId: undefined }, /"options.clientId" must be a non-empty string/],
    ['user_metadata', { user_metadata: 'x' }, /"options.user_metadata" must be an object/],
    ['nickname', { nickname: 5 }, /"options.nickname" must be a non-empty string/],
  ])('refuses a bad %s with a TypeError naming it', async (_, bad, message) => {
    const { fetch, requests } = fakeFetch(json({}));
    await expect(signup({ ...CLIENT, fetch, ...user, ...bad } as never)).rejects.toThrow(message);
    expect(requests).toHaveLength(0);
  });
});

describe('changePassword', () => {
  it('posts email, connection and organization and returns the server message (JSON string)', async () => {
    const { fetch, requests } = fakeFetch(json("We've just sent you an email to reset your password."));
    const message = await changePassword({
      ...CLIENT,
      fetch,
      email: user.email,
      connection: 'db',
      organization: 'org_1',
    });
    expect(message).toBe("We've just sent you an email to reset your password.");
    expect(requests[0]?.url.pathname).toBe('/dbconnections/change_password');
    expect(requests[0]?.body).toEqual({
      client_id: 'client-1',
      email: user.email,
      connection: 'db',
      organization: 'org_1',
    });
  });

  it('returns a plain-text answer as it is', async () => {
    const { fetch } = fakeFetch(new Response("We've just sent you an email to reset your password."));
    await expect(changePassword({ ...CLIENT, fetch, email: user.email, connection: 'db' })).resolves.toBe(
      "We've just sent you an email to reset your password.",
    );
  });

  it('rejects with the server code', async () => {
    const { fetch } = fakeFetch(dbError(400, 'bad.connection', 'Connection does not support this'));
    const error = await changePassword({ ...CLIENT, fetch, email: user.email, connection: 'x' }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(AuthError);
    expect(error.code).toBe('bad.connection');
  });

  it('refuses a missing email, naming it', async () => {
    await expect(changePassword({ ...CLIENT, connection: 'db' } as never)).rejects.toThrow(
      new TypeError('"options.email" must be a non-empty string'),
    );
  });
});
