import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from '../scripts/find-chromium.mjs';
import type { EngineFixtures } from './browsers/fixtures.js';
import type { ShapeFixtures } from './support/shape.js';

const executablePath: string | undefined = findChromium(process.env);
/** Chromium blocks third-party cookies with these (as browsers do by default in production). */
const blockThirdPartyCookies = [
  '--test-third-party-cookie-phaseout',
  '--disable-features=TrackingProtection3pcdUX',
];

/**
 * End-to-end tests: real Chromium against the real tenant. `global-setup.ts`
 * starts the tenants and the pages under test and stops them after. Two projects:
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
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: process.env.CI
    ? [['list']]
    : [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { args: chromiumArgs, ...(executablePath ? { executablePath } : {}) },
    trace: 'retain-on-failure',
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
