// Finds Firefox and WebKitGTK (and Xvfb, which WebKitGTK's MiniBrowser needs without a display)
// for the cross-browser end-to-end suite. Shared by scripts/sesame.mjs and e2e/browsers, so
// every entry point picks the same browsers. Each can be pointed at an existing one by an
// environment variable.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where Debian and Ubuntu put WebKitGTK's MiniBrowser (package webkit2gtk-driver pulls it in). */
const miniBrowserPaths = ['x86_64-linux-gnu', 'aarch64-linux-gnu'].flatMap((arch) =>
  ['webkit2gtk-4.1', 'webkit2gtk-4.0', 'webkitgtk-6.0'].map((lib) => `/usr/lib/${arch}/${lib}/MiniBrowser`),
);

function onPath(name, env) {
  return (env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, name))
    .find((path) => existsSync(path));
}

/**
 * The Firefox to drive over WebDriver BiDi: `FIREFOX_PATH`, else `firefox-esr` or `firefox` on the PATH.
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | undefined}
 */
export function findFirefox(env = process.env) {
  if (env.FIREFOX_PATH) return existsSync(env.FIREFOX_PATH) ? env.FIREFOX_PATH : undefined;
  return onPath('firefox-esr', env) ?? onPath('firefox', env);
}

/**
 * WebKitGTK's WebDriver server and the browser it drives: `WEBKIT_WEBDRIVER_PATH` (else
 * `WebKitWebDriver` on the PATH) and `WEBKIT_BROWSER_PATH` (else Debian's MiniBrowser).
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ driver: string | undefined, browser: string | undefined }}
 */
export function findWebKit(env = process.env) {
  const driver = env.WEBKIT_WEBDRIVER_PATH ?? onPath('WebKitWebDriver', env);
  const browser = env.WEBKIT_BROWSER_PATH ?? miniBrowserPaths.find((path) => existsSync(path));
  return {
    driver: driver && existsSync(driver) ? driver : undefined,
    browser: browser && existsSync(browser) ? browser : undefined,
  };
}

/**
 * `xvfb-run` when MiniBrowser needs a virtual display (no `DISPLAY` or `WAYLAND_DISPLAY`), else
 * `null` (not needed); `undefined` when needed and missing.
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | null | undefined}
 */
export function findXvfbRun(env = process.env) {
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return null;
  return onPath('xvfb-run', env);
}

/**
 * What the cross-browser suite lacks, as Debian package names with the variable that points at
 * an existing one; empty when everything is there.
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ what: string, apt: string, env: string }[]}
 */
export function missingBrowsers(env = process.env) {
  const missing = [];
  if (!findFirefox(env)) missing.push({ what: 'Firefox', apt: 'firefox-esr', env: 'FIREFOX_PATH' });
  const webkit = findWebKit(env);
  if (!webkit.driver)
    missing.push({ what: 'WebKitWebDriver', apt: 'webkit2gtk-driver', env: 'WEBKIT_WEBDRIVER_PATH' });
  if (!webkit.browser)
    missing.push({ what: 'MiniBrowser (WebKitGTK)', apt: 'webkit2gtk-driver', env: 'WEBKIT_BROWSER_PATH' });
  if (findXvfbRun(env) === undefined)
    missing.push({ what: 'xvfb-run (no DISPLAY)', apt: 'xvfb xauth', env: 'DISPLAY' });
  return missing;
}
