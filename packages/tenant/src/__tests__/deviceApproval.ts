import { expect } from 'vitest';
import type { RunningTenant } from '../startTenant.js';
import { type Browser, formAction, hiddenInputs } from './browser.js';
import { submitLogin } from './oauthClient.js';

/** Posts the first form of `page` with its hidden inputs and `extra`, following the tenant's redirects. */
export const postForm = (
  browser: Browser,
  tenant: RunningTenant,
  page: string,
  extra: Record<string, string> = {},
) =>
  browser.follow(formAction(page, tenant.url), tenant, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...hiddenInputs(page), ...extra }),
  });

/**
 * Approves a device authorization as its user would: opens `verification_uri_complete`,
 * confirms the code, logs in as the demo user, consents; returns the final page.
 */
export async function approve(
  browser: Browser,
  tenant: RunningTenant,
  code: { verification_uri_complete?: string; user_code: string },
): Promise<string> {
  const { response: entry } = await browser.follow(code.verification_uri_complete!, tenant);
  // The prefilled code is submitted by an auto-posting form; post it like the browser would.
  const { response: confirm } = await postForm(browser, tenant, await entry.text());
  const confirmPage = await confirm.text();
  expect(confirmPage).toContain('Sesame Device');
  expect(confirmPage).toContain(code.user_code);
  const { response: login, url } = await postForm(browser, tenant, confirmPage);
  expect(url.pathname).toMatch(/^\/login\//);
  const { response: consent } = await submitLogin(browser, tenant, await login.text());
  // oidc-provider (like Auth0 for device authorizations) asks native applications for consent.
  const consentPage = await consent.text();
  expect(consentPage).toContain('Authorize Sesame Device');
  const { response: done } = await postForm(browser, tenant, consentPage, { action: 'consent' });
  return done.text();
}
