import { defineConfig } from '@playwright/test';
import { chromiumArgs, findTestChromium } from '../scripts/find-chromium.mjs';
import type { EngineFixtures } from './browsers/fixtures.js';
import type { ShapeFixtures } from './support/shape.js';
import { adoptSlot } from './support/slotEnv.js';

// Playwright loads this file in every worker too: there it points the specs at that worker's own
// servers (global-setup.ts starts a slot of them per worker).
adoptSlot();

const executablePath: string | undefined = findTestChromium(process.env);
/** Chromium blocks third-party cookies with these (as browsers do by default in production). */
const blockThirdPartyCookies = [
  '--test-third-party-cookie-phaseout',
  '--disable-features=TrackingProtection3pcdUX',
];

/**
 * End-to-end tests: real Chromium against the real tenant. `global-setup.ts`
 * starts the tenants and the pages under test, a set of them per worker, and stops them after.
 * Tests are shared among the workers (`SESAME_E2E_WORKERS`, default 3: most of a test's time
 * is spent waiting on browsers and servers, so on two cores three workers still gain) one by one,
 * not file by file (`fullyParallel`), so that no long file holds a worker to the end of the run:
 * every test starts from a reset tenant and a fresh browser context, on its worker's own servers.
 * A file whose tests share a `beforeAll` runs in order instead (`compat/compat.spec.ts`). Projects:
 * `chromium` runs every spec same-site; `cross-site` runs the specs tagged `@production` again
 * with the tenant on another site and third-party cookies blocked (see support/shape.ts).
 * `firefox` and `webkit` run the cross-browser scenarios of `browsers/` (which `chromium` runs too)
 * in Firefox and WebKitGTK, through the drivers of `browsers/driver/`.
 */
export default defineConfig<Pick<ShapeFixtures, 'shape'>, Pick<EngineFixtures, 'engine'>>({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: './global-setup.ts',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: e2eWorkers(),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: process.env.CI
    ? [['list']]
    : [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { args: chromiumArgs, ...(executablePath ? { executablePath } : {}) },
    // A trace of a failed test's retry (CI retries once; elsewhere pass `--trace on`): recording
    // every test to keep the failures' traces cost about a sixth of the CPU (demo.spec 111 -> 92 s).
    trace: 'on-first-retry',
  },
  projects: [
    { name: 'chromium', use: { shape: 'same-site' } },
    {
      name: 'cross-site',
      grep: /@production/,
      use: {
        shape: 'cross-site',
        launchOptions: {
          args: [...chromiumArgs, ...blockThirdPartyCookies],
          ...(executablePath ? { executablePath } : {}),
        },
      },
    },
    { name: 'firefox', testDir: './browsers', use: { engine: 'firefox' } },
    { name: 'webkit', testDir: './browsers', use: { engine: 'webkit' } },
  ],
});

/** How many workers run the specs: `SESAME_E2E_WORKERS`, or 3. */
function e2eWorkers(): number {
  const workers = Number(process.env.SESAME_E2E_WORKERS ?? 3);
  if (!Number.isInteger(workers) || workers < 1) {
    throw new TypeError(
      `SESAME_E2E_WORKERS must be a whole number above 0, got ${process.env.SESAME_E2E_WORKERS}`,
    );
  }
  return workers;
}
