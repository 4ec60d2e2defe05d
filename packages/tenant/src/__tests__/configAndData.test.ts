import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../config/ConfigError.js';
import { resolveConfig } from '../config/resolveConfig.js';
import { startTenant } from '../startTenant.js';
import { Browser } from './browser.js';
import { authorizationUrl, client, discover, insecure, logIn } from './oauthClient.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sesame-tenant-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('config validation', () => {
  it('names the bad field of a config file and starts nothing', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(
      file,
      JSON.stringify({ clients: [{ client_id: 'a', web_origins: ['http://127.0.0.1:6000/path'] }] }),
    );
    const error = await startTenant({ port: 0, configFile: file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ field: 'clients[0].web_origins[0]', code: 'invalid_config' });
    expect((error as Error).message).toMatch(
      /^Invalid tenant config: clients\[0\]\.web_origins\[0\] must be an origin/,
    );
  });

  it.each([
    [{ ttl: { accessToken: -1 } }, 'ttl.accessToken'],
    [{ clients: [{ name: 'no id' }] }, 'clients[0].client_id'],
    [{ connections: [{ name: 'db', users: [{ email: 'a@b.c' }] }] }, 'connections[0].users[0].password'],
    [{ apis: [{ identifier: 'x', scopes: 'read' }] }, 'apis[0].scopes'],
    [{ tenantname: 'typo' }, 'tenantname'],
    [{ clients: [{ client_id: 'web', app_type: 'regular_web' }] }, 'clients[0].client_secret'],
    [[], '(root)'],
  ])('rejects %j naming %s', (config, field) => {
    expect(() => resolveConfig(config)).toThrow(expect.objectContaining({ field }));
  });

  it.each([
    [
      { clients: [{ client_id: 'a', refresh_token: { rotation_type: 'sometimes' } }] },
      'clients[0].refresh_token.rotation_type must be one of rotating, non-rotating',
    ],
    [
      { clients: [{ client_id: 'a', refresh_token: { leeway: -1 } }] },
      'clients[0].refresh_token.leeway must be a whole number of seconds (0 or more)',
    ],
    [
      { clients: [{ client_id: 'a', refresh_token: { token_lifetime: 0 } }] },
      'clients[0].refresh_token.token_lifetime must be a positive whole number of seconds',
    ],
    [
      { clients: [{ client_id: 'a', refresh_token: { idle_lifetime: 60 } }] },
      'clients[0].refresh_token.idle_lifetime is not a known field',
    ],
    [
      { rate_limits: { token_per_minute: 0 } },
      'rate_limits.token_per_minute must be a positive whole number',
    ],
    [{ dpop: { require_nonce: 'yes' } }, 'dpop.require_nonce must be true or false'],
  ])('explains %j: %s', (config, message) => {
    expect(() => resolveConfig(config)).toThrow(message);
  });

  it('names a config file that is not JSON', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, '{ "dev": ');
    await expect(startTenant({ port: 0, configFile: file })).rejects.toThrow(
      /broken\.json is not valid JSON/,
    );
  });

  it('merges extra URLs into the seeded application and adds new applications', () => {
    const config = resolveConfig({
      clients: [
        {
          client_id: 'sesame-spa',
          callbacks: ['http://127.0.0.1:7000/cb'],
          web_origins: ['http://127.0.0.1:7000'],
        },
        { client_id: 'bench', callbacks: ['http://127.0.0.1:7100/'] },
      ],
    });
    const spa = config.clients.find((c) => c.client_id === 'sesame-spa')!;
    expect(spa.callbacks).toContain('http://127.0.0.1:5173/callback');
    expect(spa.callbacks).toContain('http://127.0.0.1:7000/cb');
    expect(spa.web_origins).toContain('http://127.0.0.1:7000');
    expect(config.clients.find((c) => c.client_id === 'bench')).toMatchObject({
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
    });
    expect(resolveConfig({ seed: false }).clients).toEqual([]);
  });
});

describe('dev endpoints', () => {
  it('are absent with dev: false', async () => {
    const tenant = await startTenant({ port: 0, config: { dev: false } });
    try {
      expect((await fetch(`${tenant.url}__dev/stats`)).status).toBe(404);
      expect((await fetch(`${tenant.url}__dev/reset`, { method: 'POST' })).status).toBe(404);
      expect((await fetch(`${tenant.url}.well-known/openid-configuration`)).status).toBe(200);
    } finally {
      await tenant.stop();
    }
  });
});

describe('data folder', () => {
  it('keeps keys, users, sessions and refresh tokens across a restart', async () => {
    const dataDir = join(dir, 'data');
    const first = await startTenant({ port: 0, dataDir });
    const browser = new Browser();
    let refreshToken: string;
    let kid: unknown;
    try {
      const as = await discover(first);
      refreshToken = (await logIn(browser, first, as, { scope: 'openid offline_access' })).refresh_token!;
      kid = ((await (await fetch(as.jwks_uri!)).json()) as { keys: { kid: string }[] }).keys[0]?.kid;
    } finally {
      await first.stop();
    }
    expect(JSON.parse(await readFile(join(dataDir, 'keys.json'), 'utf8')).keys[0].kid).toBe(kid);

    const second = await startTenant({ port: first.port, dataDir });
    try {
      const as = await discover(second);
      const jwks = (await (await fetch(as.jwks_uri!)).json()) as { keys: { kid: string }[] };
      expect(jwks.keys[0]?.kid).toBe(kid);

      const request = await authorizationUrl(as, { prompt: 'none' });
      const { url: callback } = await browser.follow(request.url, second);
      expect(callback.searchParams.get('code')).toBeTypeOf('string');

      const response = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), refreshToken, insecure);
      expect((await oauth.processRefreshTokenResponse(as, client, response)).refresh_token).toBeTypeOf(
        'string',
      );
    } finally {
      await second.stop();
    }
  });

  it('uses signing keys given in the config', async () => {
    const { generateSigningKey } = await import('../keys.js');
    const key = generateSigningKey();
    const tenant = await startTenant({ port: 0, config: { keys: [key] } });
    try {
      const jwks = (await (await fetch(`${tenant.url}.well-known/jwks.json`)).json()) as {
        keys: { kid: string }[];
      };
      expect(jwks.keys.map((k) => k.kid)).toEqual([key.kid]);
    } finally {
      await tenant.stop();
    }
  });
});
