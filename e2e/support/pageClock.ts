import type { Page } from '@playwright/test';
import type { AuthClientOptions } from '@sesame/core';

declare global {
  interface Window {
    __clockOffsetMs?: number;
  }
}

/**
 * Sets the client options a page's client is created with (`window.__pageOptions`, read by the
 * core page and, through e2e/support/buildDemo.ts, by the demos), before the page loads. The
 * client's clock is the page's, plus an offset that {@link advanceClock} moves: tokens expire
 * without the test waiting for them (the leeway no longer can: it is capped to a quarter of a
 * token's lifetime).
 */
export async function setPageOptions(page: Page, options: Partial<AuthClientOptions>): Promise<void> {
  await page.addInitScript(
    (opts) => {
      window.__pageOptions = { ...opts, now: () => Date.now() + (window.__clockOffsetMs ?? 0) };
    },
    options as Record<string, unknown>,
  );
}

/**
 * Moves a page's client clock `seconds` ahead (and keeps it there). The tenant's ID tokens live
 * 10 h, so a test may move it by a few hours in all before a fresh ID token counts as expired.
 */
export async function advanceClock(page: Page, seconds: number): Promise<void> {
  await page.evaluate((ms) => {
    window.__clockOffsetMs = (window.__clockOffsetMs ?? 0) + ms;
  }, seconds * 1000);
}

/** The access-token lifetime global-setup gives the tenant (`ttl.accessToken`), in seconds. */
export const TOKEN_LIFETIME = 3600;
