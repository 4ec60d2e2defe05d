import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../outbox/Outbox.js';
import { type RunningTenant, startTenant } from '../startTenant.js';
import { devReset, outbox, postJson } from './auth0Api.js';

let tenant: RunningTenant;
beforeAll(async () => {
  tenant = await startTenant({ port: 0 });
});
afterAll(() => tenant?.stop());

const send = (email: string) =>
  postJson(tenant, '/passwordless/start', {
    client_id: 'sesame-spa',
    connection: 'email',
    email,
    send: 'code',
  });

describe('/__dev/outbox', () => {
  it('lists sent messages with their code, filtered by recipient', async () => {
    await send('a@sesame.test');
    await send('b@sesame.test');
    const all = (await (await fetch(`${tenant.url}__dev/outbox`)).json()) as OutboxMessage[];
    expect(all.map((m) => m.to)).toEqual(['a@sesame.test', 'b@sesame.test']);
    expect(all[0]).toMatchObject({
      channel: 'email',
      purpose: 'passwordless_code',
      subject: 'Your Sesame verification code',
      code: expect.stringMatching(/^\d{6}$/),
      sent_at: expect.any(String),
      id: expect.any(String),
    });
    expect((await outbox(tenant, 'A@sesame.test')).map((m) => m.to)).toEqual(['a@sesame.test']);
  });

  it('has an HTML view', async () => {
    await send('html@sesame.test');
    const response = await fetch(`${tenant.url}__dev/outbox.html?to=html%40sesame.test`);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('html@sesame.test');
    expect(html).toContain((await outbox(tenant, 'html@sesame.test'))[0]!.code);
  });

  it('is emptied by DELETE and by /__dev/reset', async () => {
    await send('c@sesame.test');
    expect((await fetch(`${tenant.url}__dev/outbox`, { method: 'DELETE' })).status).toBe(204);
    expect(await outbox(tenant, 'c@sesame.test')).toEqual([]);
    await send('d@sesame.test');
    await devReset(tenant);
    expect(await outbox(tenant, 'd@sesame.test')).toEqual([]);
  });

  it('is absent with dev: false', async () => {
    const quiet = await startTenant({ port: 0, dev: false });
    try {
      expect((await fetch(`${quiet.url}__dev/outbox`)).status).toBe(404);
      expect((await fetch(`${quiet.url}__dev/outbox.html`)).status).toBe(404);
    } finally {
      await quiet.stop();
    }
  });
});
