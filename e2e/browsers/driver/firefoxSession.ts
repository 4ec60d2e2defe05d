import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { type BrowserSession, type Selector, type Tab, waitTimeoutMs } from './Tab.js';

/**
 * Firefox's defaults that puppeteer's profile changes and the suite must keep: puppeteer turns
 * Enhanced Tracking Protection's cookie rule off (`cookieBehavior0`); Firefox's own default is
 * 5, Total Cookie Protection (third-party cookies partitioned per top-level site).
 */
const firefoxDefaults = {
  'network.cookie.cookieBehavior': 5,
  'browser.contentblocking.features.standard':
    '-tp,tpPrivate,cookieBehavior5,cookieBehaviorPBM5,-cryptoTP,-fp',
};

/** Launches Firefox headless, driven by puppeteer-core over WebDriver BiDi. */
export function launchFirefox(executablePath: string): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless: true,
    extraPrefsFirefox: firefoxDefaults,
  });
}

/** A {@link BrowserSession} in a new browser context (a fresh profile) of a launched Firefox. */
export async function firefoxSession(browser: Browser): Promise<BrowserSession> {
  const context = await browser.createBrowserContext();
  return {
    engine: 'firefox',
    newTab: async () => firefoxTab(await context.newPage()),
    close: () => context.close(),
  };
}

const locate = (selector: Selector) => (selector.startsWith('//') ? `::-p-xpath(${selector})` : selector);

function firefoxTab(page: Page): Tab {
  page.setDefaultTimeout(waitTimeoutMs);
  // Firefox acts on the foreground tab only: a click in a background one is lost
  const locator = async (selector: Selector) => {
    await page.bringToFront();
    return page.locator(locate(selector));
  };
  return {
    goto: async (url) => {
      await page.goto(url);
    },
    reload: async () => {
      await page.reload();
    },
    url: async () => page.url(),
    click: async (selector) => (await locator(selector)).click(),
    fill: async (selector, value) => (await locator(selector)).fill(value),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    clickForPopup: async (selector) => {
      const popup = new Promise<Page | null>((resolve) => page.once('popup', resolve));
      await (await locator(selector)).click();
      const opened = await withTimeout(popup, 'a popup');
      if (!opened) throw new Error('the click opened no popup');
      return firefoxTab(opened);
    },
    close: () => page.close(),
  };
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), waitTimeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
