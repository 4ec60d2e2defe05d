import { describe, expect, it } from 'vitest';
import { withAuthenticationApi } from '../authentication/index.js';
import { bindMethods } from '../bindMethods.js';
import { createAuthClient } from '../createAuthClient.js';

const options = { domain: 'tenant.example.com', clientId: 'app', storage: 'memory' as const };

describe('bindMethods', () => {
  it('binds every method to the client, leaving out the store and isAuthenticated', async () => {
    const client = createAuthClient(options);
    const { getUser, logout, ...rest } = bindMethods(client);
    expect(await getUser()).toBeUndefined();
    await logout({ openUrl: false });
    expect(client.getSnapshot().status).toBe('unauthenticated');
    expect(Object.keys(rest)).not.toEqual(expect.arrayContaining(['subscribe']));
    expect(rest).not.toHaveProperty('getSnapshot');
    expect(rest).not.toHaveProperty('isAuthenticated');
  });

  it('passes the Authentication API groups through, so bindings offer them', () => {
    const client = withAuthenticationApi(createAuthClient(options));
    const methods = bindMethods(client);
    expect(methods.passwordless).toBe(client.passwordless);
    expect(methods.mfa).toBe(client.mfa);
    expect(methods.device).toBe(client.device);
    expect(typeof methods.loginWithPassword).toBe('function');
  });

  it('walks the prototype chain of a class instance', () => {
    class Client {
      constructor(readonly name: string) {}
      hello() {
        return this.name;
      }
    }
    const { hello } = bindMethods(new Client('tab') as never) as unknown as Client;
    expect(hello()).toBe('tab');
  });
});
