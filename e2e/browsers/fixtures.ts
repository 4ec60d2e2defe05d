import { test as base } from '@playwright/test';
import type { Browser as PuppeteerBrowser } from 'puppeteer-core';
import { findFirefox } from '../../scripts/find-browsers.mjs';
import { type TestTenant, tenantAt } from '../support/tenant.js';
import { firefoxSession, launchFirefox } from './driver/firefoxSession.js';
import { playwrightSession } from './driver/playwrightSession.js';
import { startWebKitDriver } from './driver/startWebKitDriver.js';
import type { BrowserSession, Engine } from './driver/Tab.js';
import { webkitSession } from './driver/webkitSession.js';

/** What a cross-browser scenario gets. */
export interface BrowserFixtures {
  /** A fresh profile of this project's engine (closed after the test). */
  session: BrowserSession;
  /** The tenant on the pages' site (`http://127.0.0.1:P`), reset before the test. */
  sameSite: TestTenant;
  /** The same tenant setup on another site (`http://localhost:P`), reset before the test. */
  crossSite: TestTenant;
}

/** Per Playwright project: which engine, and the browser process shared by its tests. */
export interface EngineFixtures {
  engine: Engine;
  /** Opens a fresh profile; the launched browser (or WebDriver server) lives as long as the worker. */
  openSession: () => Promise<BrowserSession>;
}

/**
 * Playwright's `test` for the scenarios of `e2e/browsers`: the project's `engine` option picks
 * the driver — Playwright itself for Chromium, puppeteer-core over WebDriver BiDi for Firefox,
 * classic WebDriver (WebKitWebDriver) for WebKitGTK — behind one {@link BrowserSession}.
 */
export const test = base.extend<BrowserFixtures, EngineFixtures>({
  engine: ['chromium', { option: true, scope: 'worker' }],
  openSession: [
    async ({ engine, playwright, launchOptions }, use) => {
      if (engine === 'chromium') {
        const chromium = await playwright.chromium.launch({ ...launchOptions, headless: true });
        await use(async () => playwrightSession(await chromium.newContext()));
        await chromium.close();
      } else if (engine === 'firefox') {
        const path = findFirefox(process.env);
        if (!path)
          throw new Error(
            'Firefox is missing: install firefox-esr or set FIREFOX_PATH (`npm test` installs it as root on Debian/Ubuntu)',
          );
        const firefox: PuppeteerBrowser = await launchFirefox(path);
        await use(() => firefoxSession(firefox));
        await firefox.close();
      } else {
        const driver = await startWebKitDriver();
        await use(() => webkitSession(driver.url, driver.browser));
        await driver.stop();
      }
    },
    { scope: 'worker' },
  ],
  session: async ({ openSession }, use) => {
    const session = await openSession();
    await use(session);
    await session.close();
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires an object pattern here
  sameSite: async ({}, use) => {
    const tenant = tenantAt(process.env.TENANT_URL ?? '');
    await tenant.reset();
    await use(tenant);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires an object pattern here
  crossSite: async ({}, use) => {
    const tenant = tenantAt(process.env.CROSS_SITE_TENANT_URL ?? '');
    await tenant.reset();
    await use(tenant);
  },
});

export { expect } from '@playwright/test';
