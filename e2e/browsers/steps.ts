import type { AuthClientOptions } from '@sesame/core';
import { optionsFragment } from '../support/pageOptions.js';
import { demoUser } from '../support/tenant.js';
import type { BrowserSession, Tab } from './driver/Tab.js';
import { waitFor } from './driver/waitFor.js';

// The steps the scenarios share, written once against the driver-neutral Tab.

/** A button or link by its visible text, as an XPath (every driver takes one). */
export const byText = (text: string, element = 'button', within = '') =>
  `//${within ? `${within}//` : ''}${element}[normalize-space()=${JSON.stringify(text)}]`;

/** Opens the core test page in a new tab, with client options, and waits until it has settled. */
export async function openCorePage(
  browser: BrowserSession,
  options: Partial<AuthClientOptions> = {},
): Promise<Tab> {
  const tab = await browser.newTab();
  await tab.goto(`${process.env.CORE_PAGE_URL}${optionsFragment(options)}`);
  await waitFor(tab, 'the core page to settle', () => document.getElementById('status')?.textContent !== '…');
  return tab;
}

/** Waits until the core page shows `status`. */
export const waitForStatus = (tab: Tab, status: 'authenticated' | 'unauthenticated') =>
  waitFor(tab, `status ${status}`, (s) => document.getElementById('status')?.textContent === s, status);

/** Fills the tenant's login form (in a tab or popup) with the demo user and submits it. */
export async function submitLogin(tab: Tab): Promise<void> {
  await tab.fill('#username', demoUser.email);
  await tab.fill('#password', demoUser.password);
  await tab.click(byText('Continue'));
}

/**
 * Redirect login from the core page, back on the page, authenticated. The tenant shows its
 * login form, or, with a session of its own already (single sign-on), sends the user straight back.
 */
export async function loginWithRedirect(tab: Tab): Promise<void> {
  await tab.click('#login');
  const where = await waitFor(tab, 'the login form or the page signed in', () =>
    document.getElementById('username')
      ? 'form'
      : document.getElementById('status')?.textContent === 'authenticated' && 'signed in',
  );
  if (where === 'form') await submitLogin(tab);
  await waitForStatus(tab, 'authenticated');
}

/** `getTokenSilently(options)` in the page: `{ token }`, or `{ error }` with the error's code. */
export function tokenOrError(
  tab: Tab,
  options: { cacheMode?: 'on' | 'off' | 'cache-only' } = {},
): Promise<{ token?: string; error?: string }> {
  // one key only: WebDriver turns an `undefined` property into `null`
  return tab.evaluate(
    (opts) =>
      window.sesame.client.getTokenSilently(opts).then(
        (token) => ({ token }),
        (e: { code?: string }) => ({ error: e.code ?? String(e) }),
      ),
    options,
  );
}

declare global {
  interface Window {
    /** A scenario's pending `getTokenSilently()` (the tabs-at-once scenario). */
    __e2eToken?: Promise<string>;
  }
}
