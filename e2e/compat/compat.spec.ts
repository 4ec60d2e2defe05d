import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { startTenant } from '@sesame/tenant';
import { buildPage } from '../support/buildPage.js';
import { screenshot, submitLogin } from '../support/corePage.js';
import { type StaticServer, serveStatic } from '../support/serveStatic.js';
import { demoUser } from '../support/tenant.js';

// The fixture apps are written as auth0-react's and auth0-vue's documentation shows and import
// only @sesame/react/auth0 and @sesame/vue/auth0. This spec builds them against a tenant of its
// own (its apps are served on free ports, which the seeded sesame-spa application is told about).
const here = fileURLToPath(new URL('.', import.meta.url));
const out = join(here, '..', '..', 'test-results', '.pages', 'compat');
const apps = { react: 'main.tsx', vue: 'main.ts' } as const;
type App = keyof typeof apps;

let tenant: Awaited<ReturnType<typeof startTenant>>;
const servers = {} as Record<App, StaticServer>;

// In order in one worker (the config runs other files' tests in parallel): one tenant and one
// build of the apps for the file, and no two workers building into the same folder.
test.describe.configure({ mode: 'default' });

test.beforeAll(async () => {
  for (const app of Object.keys(apps) as App[]) servers[app] = await serveStatic(join(out, app), 0);
  const origins = Object.values(servers).map((server) => server.url);
  const urls = origins.flatMap((origin) => [origin, `${origin}/`]);
  tenant = await startTenant({
    port: 0,
    config: {
      ttl: { accessToken: 3600 },
      clients: [
        { client_id: 'sesame-spa', callbacks: urls, allowed_logout_urls: urls, web_origins: origins },
      ],
    },
  });
  for (const [app, entry] of Object.entries(apps)) {
    await buildPage(join(here, `${app}-app`), join(out, app), tenant.url, entry);
  }
});

test.afterAll(async () => {
  await Promise.all(Object.values(servers).map((server) => server.close()));
  await tenant?.stop();
});

const result = (page: Page) => page.locator('#result');
// After a login the page loads again, exchanges the code and checks the ID token: on a busy
// machine that takes longer than expect's default 5 s.
const afterLogin = { timeout: 20_000 };

for (const app of Object.keys(apps) as App[]) {
  test.describe(`an auth0-${app} app on @sesame/${app}/auth0`, () => {
    // Two full logins per test on a shared 2-core machine.
    test.describe.configure({ timeout: 120_000 });
    test('logs in by redirect, calls an API with getAccessTokenSilently, logs out', async ({ page }) => {
      await page.goto(`${servers[app].url}/`);
      await page.getByRole('button', { name: 'Log in', exact: true }).click();
      await submitLogin(page);
      await expect(page.locator('#hello')).toHaveText(`Hello ${demoUser.name}`, afterLogin);
      await expect(page.locator('#api')).toHaveText(`API says ${demoUser.email}`, afterLogin);
      expect(new URL(page.url()).search).toBe('');
      await screenshot(page, `compat-${app}-signed-in`);
      await page.getByRole('button', { name: 'Log out' }).click();
      // Signed out at the tenant, the start-up's prompt=none iframe answers login_required.
      await expect(page.getByRole('button', { name: 'Log in', exact: true })).toBeVisible(afterLogin);
      await expect(page.locator('#hello')).toHaveCount(0);
    });

    test('a protected route sends a signed-out user to the login and back to it', async ({ page }) => {
      await page.goto(`${servers[app].url}/profile`);
      await submitLogin(page);
      await expect(page.locator('#profile')).toHaveText(`Profile of ${demoUser.email}`, afterLogin);
      expect(new URL(page.url()).pathname).toBe('/profile');
    });

    test("auth0's defaults: tokens in memory only, the session renewed by the iframe after a reload", async ({
      page,
    }) => {
      await page.goto(`${servers[app].url}/`);
      await page.getByRole('button', { name: 'Log in', exact: true }).click();
      await submitLogin(page);
      await expect(page.locator('#hello')).toHaveText(`Hello ${demoUser.name}`, afterLogin);
      await page.reload();
      await expect(page.locator('#hello')).toHaveText(`Hello ${demoUser.name}`, afterLogin);
      await expect(page.locator('#api')).toHaveText(`API says ${demoUser.email}`, afterLogin);
      // Nothing in IndexedDB; the redirect's transaction waited in sessionStorage, taken by the callback.
      const stored = await page.evaluate(async () => {
        const request = <T>(r: IDBRequest<T>) =>
          new Promise<T>((resolve, reject) => {
            r.onsuccess = () => resolve(r.result);
            r.onerror = () => reject(r.error);
          });
        const entries: string[] = [];
        for (const { name = '' } of await indexedDB.databases()) {
          const db = await request(indexedDB.open(name));
          for (const store of db.objectStoreNames) {
            const keys = await request(db.transaction(store).objectStore(store).getAllKeys());
            entries.push(...keys.map((key) => `${name}/${store}/${String(key)}`));
          }
          db.close();
        }
        return {
          entries,
          localStorage: Object.entries(localStorage).map(([key, value]) => `${key}=${value}`),
          sessionStorage: Object.keys(sessionStorage),
        };
      });
      // localStorage: only the sign-in hint the start-up reads ("1", never a token).
      expect(stored).toEqual({
        entries: [],
        localStorage: ['sesame:sesame-spa:signed-in=1'],
        sessionStorage: [],
      });
    });

    test('errors by class: cache-only resolves undefined, login_required, a closed popup', async ({
      page,
    }) => {
      await page.goto(`${servers[app].url}/`);
      await page.getByRole('button', { name: 'Token from the cache only' }).click();
      await expect(result(page)).toHaveText('cache-only: undefined');
      await page.getByRole('button', { name: 'Token silently' }).click();
      await expect(result(page)).toHaveText('GenericError login_required');
      const popup = page.waitForEvent('popup');
      await page.getByRole('button', { name: 'Log in with a popup' }).click();
      await (await popup).close();
      await expect(result(page)).toHaveText('PopupCancelledError');
    });

    test('a forged callback is reported as a GenericError and the URL is cleaned', async ({ page }) => {
      await page.goto(`${servers[app].url}/?code=forged&state=forged`);
      await expect(page.locator('#error')).toHaveText('Oops... missing_transaction');
      expect(new URL(page.url()).search).toBe('');
    });
  });
}
