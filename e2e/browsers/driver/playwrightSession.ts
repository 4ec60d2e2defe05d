import type { BrowserContext, Page } from '@playwright/test';
import { type BrowserSession, type Selector, type Tab, waitTimeoutMs } from './Tab.js';

/** Chromium through Playwright, the project's E2E tool: a {@link BrowserSession} over a test's context. */
export function playwrightSession(context: BrowserContext): BrowserSession {
  return {
    engine: 'chromium',
    newTab: async () => playwrightTab(await context.newPage()),
    close: () => context.close(),
  };
}

// Playwright reads a selector starting with `//` as XPath.
function playwrightTab(page: Page): Tab {
  const locator = (selector: Selector) => page.locator(selector).first();
  const options = { timeout: waitTimeoutMs };
  return {
    goto: async (url) => {
      await page.goto(url, options);
    },
    reload: async () => {
      await page.reload(options);
    },
    url: async () => page.url(),
    click: (selector) => locator(selector).click(options),
    fill: (selector, value) => locator(selector).fill(value, options),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    clickForPopup: async (selector) => {
      const [popup] = await Promise.all([
        page.waitForEvent('popup', options),
        locator(selector).click(options),
      ]);
      return playwrightTab(popup);
    },
    close: () => page.close(),
  };
}
