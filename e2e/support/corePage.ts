import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import type { AuthClientOptions } from '@sesame/core';
import { setPageOptions } from './pageClock.js';
import { demoUser } from './tenant.js';

/** The core test page's URL (set by global-setup). */
export const corePageUrl = () => process.env.CORE_PAGE_URL ?? 'http://127.0.0.1:5175/';

/**
 * Client options for the core page. They reach the page as JSON, so DPoP is `dpop: true` here
 * and the page passes `dpop()` of `@sesame/core/dpop` to its client.
 */
export type CorePageOptions = Omit<Partial<AuthClientOptions>, 'dpop'> & { dpop?: boolean };

/** Opens the core test page, with client options overriding the page's defaults. */
export async function openCorePage(page: Page, options: CorePageOptions = {}): Promise<void> {
  await setPageOptions(page, options as Partial<AuthClientOptions>);
  await page.goto(corePageUrl());
  await expect(page.locator('#status')).not.toHaveText('…');
}

/** Fills the tenant's login form with the demo user's credentials and submits it. */
export async function submitLogin(page: Page): Promise<void> {
  await page.locator('#username').fill(demoUser.email);
  await page.locator('#password').fill(demoUser.password);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Redirect login from the core page, back to the page, authenticated. */
export async function loginWithRedirect(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await submitLogin(page);
  await expect(page.locator('#log')).toContainText('callback');
  await expect(page.locator('#status')).toHaveText('authenticated');
}

/** The status the page shows. */
export const status = (page: Page) => page.locator('#status');

/** Saves a screenshot of the page's final state as a test artifact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: fileURLToPath(new URL(`../../test-results/screenshots/${name}.png`, import.meta.url)),
    fullPage: true,
  });
}
