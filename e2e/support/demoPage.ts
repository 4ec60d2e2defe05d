import { expect, type Page } from '@playwright/test';
import type { AuthClientOptions } from '@sesame/core';
import { submitLogin } from './corePage.js';
import { setPageOptions } from './pageClock.js';
import { demoUser } from './tenant.js';

/** The demo apps under test; global-setup builds and serves both. */
export const demos = [
  { name: 'react', url: () => process.env.REACT_DEMO_URL ?? 'http://127.0.0.1:5173/' },
  { name: 'vue', url: () => process.env.VUE_DEMO_URL ?? 'http://127.0.0.1:5174/' },
] as const;

export type Demo = (typeof demos)[number];

/** Opens `path` of a demo, with client options overriding the demo's (see e2e/support/buildDemo.ts). */
export async function openDemo(
  page: Page,
  demo: Demo,
  path = '/',
  options: Partial<AuthClientOptions> = {},
): Promise<void> {
  await setPageOptions(page, options);
  await page.goto(new URL(path, demo.url()).href);
}

/** The signed-in user's name in the top bar. */
export const userInTopBar = (page: Page) => page.locator('header .user .name');

/** The top bar's "Log in" button, there once the demo knows that nobody is signed in. */
export const topBarLogIn = (page: Page) => page.locator('header').getByRole('button', { name: 'Log in' });

/** Redirect login from the top bar, back to the demo as the demo user. */
export async function logIn(page: Page): Promise<void> {
  await topBarLogIn(page).click();
  await submitLogin(page);
  await expect(userInTopBar(page)).toHaveText(demoUser.name);
}

/** Goes to one of the demo's pages through its navigation (no reload). */
export async function navigate(page: Page, name: 'Home' | 'Profile' | 'Tokens' | 'API'): Promise<void> {
  await page.locator('header nav').getByRole('link', { name, exact: true }).click();
}

/** Clicks "Call the API" and waits for the API's answer. */
export async function callApi(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Call the API' }).click();
  await expect(page.locator('.messages li')).toHaveCount(3);
}
