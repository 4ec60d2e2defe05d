import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTenant, startTenant } from '../startTenant.js';

let tenant: RunningTenant;
beforeAll(async () => {
  tenant = await startTenant({ port: 0 });
});
afterAll(() => tenant?.stop());

describe('GET / (the URL the README and the CLI list)', () => {
  it('describes the tenant and links discovery and the outbox, whose links work', async () => {
    const response = await fetch(tenant.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('Auth0-compatible authorization server');
    expect(html).toContain('<code>sesame-spa</code>');
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(links).toEqual(
      expect.arrayContaining([
        `${tenant.url}.well-known/openid-configuration`,
        `${tenant.url}__dev/outbox.html`,
      ]),
    );
    for (const link of links.filter((href) => href.startsWith(tenant.url))) {
      expect((await fetch(link)).status, link).toBe(200);
    }
  });

  it('has no outbox link with the dev routes off', async () => {
    const quiet = await startTenant({ port: 0, dev: false });
    try {
      const html = await (await fetch(quiet.url)).text();
      expect(html).not.toContain('outbox');
      expect(html).toContain('.well-known/openid-configuration');
    } finally {
      await quiet.stop();
    }
  });
});
