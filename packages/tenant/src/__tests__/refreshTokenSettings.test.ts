import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CONNECTION, DEMO_USER_EMAIL, DEMO_USER_PASSWORD } from '../config/defaultConfig.js';
import { type RunningTenant, startTenant } from '../startTenant.js';
import { devReset, PASSWORD_REALM, token } from './auth0Api.js';

let tenant: RunningTenant;
const grants = [PASSWORD_REALM, 'refresh_token'];

beforeAll(async () => {
  tenant = await startTenant({
    port: 0,
    config: {
      clients: [
        { client_id: 'fixed', grant_types: grants, refresh_token: { rotation_type: 'non-rotating' } },
        { client_id: 'lenient', grant_types: grants, refresh_token: { leeway: 60 } },
        { client_id: 'strict', grant_types: grants },
        { client_id: 'short', grant_types: grants, refresh_token: { token_lifetime: 1 } },
        {
          client_id: 'idle',
          grant_types: grants,
          refresh_token: { token_lifetime: 1000, idle_token_lifetime: 100 },
        },
      ],
    },
  });
});
afterAll(() => tenant?.stop());
beforeEach(() => devReset(tenant));

async function login(clientId: string): Promise<string> {
  const answer = await token(tenant, {
    client_id: clientId,
    grant_type: PASSWORD_REALM,
    realm: DEMO_CONNECTION,
    username: DEMO_USER_EMAIL,
    password: DEMO_USER_PASSWORD,
    scope: 'openid offline_access',
  });
  expect(answer.status).toBe(200);
  return answer.body.refresh_token!;
}
const refresh = (clientId: string, refreshToken: string) =>
  token(tenant, { client_id: clientId, grant_type: 'refresh_token', refresh_token: refreshToken });

/** Seconds until the stored refresh tokens of the tenant expire. */
const storedLifetimes = () =>
  Object.values(tenant.services.models.snapshot().RefreshToken ?? {}).map((entry) =>
    Math.round(((entry.expiresAt ?? Number.NaN) - Date.now()) / 1000),
  );

describe('refresh-token settings per application', () => {
  it('non-rotating: the one refresh token is reusable, and refreshes answer none', async () => {
    const refreshToken = await login('fixed');
    for (let i = 0; i < 3; i += 1) {
      const answer = await refresh('fixed', refreshToken);
      expect(answer.status).toBe(200);
      expect(answer.body.access_token).toBeTypeOf('string');
      expect(answer.body).not.toHaveProperty('refresh_token');
    }
  });

  it('rotating with a reuse interval: the previous token still refreshes, and the grant survives', async () => {
    const first = await login('lenient');
    const second = await refresh('lenient', first);
    expect(second.status).toBe(200);
    const again = await refresh('lenient', first);
    expect(again.status).toBe(200);
    expect(again.body.refresh_token).not.toBe(second.body.refresh_token);
    expect((await refresh('lenient', second.body.refresh_token!)).status).toBe(200);
  });

  it('rotating without one: reuse is refused and revokes the grant', async () => {
    const first = await login('strict');
    const second = await refresh('strict', first);
    const reused = await refresh('strict', first);
    expect(reused.status).toBe(403);
    expect(reused.body.error_description).toBe('Unknown or invalid refresh token.');
    expect((await refresh('strict', second.body.refresh_token!)).status).toBe(403);
  });

  it('the absolute lifetime ends the token', async () => {
    const refreshToken = await login('short');
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const answer = await refresh('short', refreshToken);
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({
      error: 'invalid_grant',
      error_description: 'Unknown or invalid refresh token.',
    });
  });

  it('the inactivity lifetime bounds each token, under the absolute one', async () => {
    const refreshToken = await login('idle');
    const lifetimes = storedLifetimes();
    expect(lifetimes).toHaveLength(1);
    expect(lifetimes[0]).toBeGreaterThan(95);
    expect(lifetimes[0]).toBeLessThanOrEqual(100);
    await refresh('idle', refreshToken);
    // The rotated one (kept for reuse detection) and the new one: both live 100 s at most.
    expect(Math.max(...storedLifetimes())).toBeLessThanOrEqual(100);
  });
});
