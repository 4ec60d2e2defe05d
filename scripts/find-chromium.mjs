// Finds a Chromium for Playwright: CHROMIUM_PATH, then Playwright's own
// download, then the system's. Shared by scripts/sesame.mjs, the Playwright
// config and the bench, so every entry point picks the same browser.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const systemPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
/** Debian's package `chromium-headless-shell`. */
export const headlessShellPath = '/usr/bin/chromium-headless-shell';

/**
 * Returns the path of a Chromium executable, or `undefined` when there is none.
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | undefined}
 */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH && existsSync(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
  const own = playwrightChromium();
  if (own) return own;
  return systemPaths.find((path) => existsSync(path));
}

/**
 * The Chromium the end-to-end tests run in: `CHROMIUM_PATH`, else Chromium's headless shell when
 * installed (what Playwright itself launches for headless tests: the same engine, network stack
 * and storage without the browser's UI, for about half the CPU time of the full browser), else
 * {@link findChromium}'s. The bench keeps the full browser, which is what users run.
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | undefined}
 */
export function findTestChromium(env = process.env) {
  if (env.CHROMIUM_PATH && existsSync(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
  return existsSync(headlessShellPath) ? headlessShellPath : findChromium(env);
}

function playwrightChromium() {
  try {
    const require = createRequire(new URL('../e2e/package.json', import.meta.url));
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Launch flags that keep Chromium quiet on a closed network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
