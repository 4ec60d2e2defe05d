import type { BrowserContext, Page } from '@playwright/test';
import type { HarnessState, TimedResult } from '../page/HarnessApi.js';
import { demoUser } from './demoUser.js';

/** How long a page may take to start, or a login to come back. */
const startTimeoutMs = 30_000;

/**
 * Waits until the harness of `page` is done starting (within `timeoutMs`, default 30 s) and returns its state.
 * @throws when the harness reports an error or does not start in time
 */
export async function waitForHarness(page: Page, timeoutMs = startTimeoutMs): Promise<HarnessState> {
  await page.waitForFunction(() => window.benchState && window.benchState.phase !== 'starting', undefined, {
    timeout: timeoutMs,
  });
  const state = await page.evaluate(() => window.benchState);
  if (state.phase === 'error') throw new Error(`adapter page failed to start: ${state.error}`);
  return state;
}

/** Opens the adapter page (with `query`, e.g. `?cold`) in a new page of `context`. */
export async function openHarness(context: BrowserContext, pageUrl: string, query = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${pageUrl}${query}`);
  await waitForHarness(page);
  return page;
}

/**
 * Calls the library's `login()` on `page`, signs the demo user in on the tenant's login form,
 * and waits for the page to have handled the callback.
 * @returns the harness's login measurement (from `login()` to a usable token)
 * @throws when any step fails
 */
export async function loginThroughTenant(
  page: Page,
  tenantOrigin: string,
): Promise<TimedResult & { callbackMs?: number }> {
  // login() navigates away, so its promise is not awaited across the navigation.
  await page.evaluate(() => {
    window.bench.login().catch((error: unknown) => {
      window.benchState = { phase: 'error', error: `login(): ${String(error)}` };
    });
  });
  await page
    .waitForURL((url) => url.origin === tenantOrigin, { timeout: startTimeoutMs })
    .catch(async (error: unknown) => {
      const state = await page.evaluate(() => window.benchState).catch(() => undefined);
      throw state?.error ? new Error(state.error) : error;
    });
  const password = page.locator('input[type="password"]');
  await password.waitFor({ timeout: startTimeoutMs });
  await page
    .locator('input[name="username"], input[name="email"], input[type="email"]')
    .first()
    .fill(demoUser.email);
  await password.fill(demoUser.password);
  await Promise.all([
    page.waitForURL((url) => url.origin !== tenantOrigin, { timeout: startTimeoutMs }),
    page.locator('button[type="submit"], input[type="submit"]').first().click(),
  ]);
  const state = await waitForHarness(page);
  if (!state.login) throw new Error('the page came back from the tenant without a login result');
  if (!state.login.ok) throw new Error(`login failed: ${state.login.error}`);
  return state.callbackMs === undefined ? state.login : { ...state.login, callbackMs: state.callbackMs };
}

/** A browser context with one signed-in adapter page. */
export interface Session {
  context: BrowserContext;
  page: Page;
  login: TimedResult;
}

/**
 * Opens a fresh context (empty storage), loads the adapter page and logs in through the tenant.
 * The caller closes `context`.
 */
export async function openSession(
  newContext: () => Promise<BrowserContext>,
  pageUrl: string,
  tenantOrigin: string,
): Promise<Session> {
  const context = await newContext();
  try {
    const page = await openHarness(context, pageUrl);
    const login = await loginThroughTenant(page, tenantOrigin);
    return { context, page, login };
  } catch (error) {
    await context.close();
    throw error;
  }
}
