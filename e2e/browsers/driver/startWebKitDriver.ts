import { type ChildProcess, spawn } from 'node:child_process';
import { findWebKit, findXvfbRun } from '../../../scripts/find-browsers.mjs';
import { freePort } from '../../support/freePort.js';
import { waitTimeoutMs } from './Tab.js';

/** A running WebKitWebDriver: its URL, the MiniBrowser it launches per session, and `stop()`. */
export interface WebKitDriver {
  url: string;
  browser: string;
  stop(): Promise<void>;
}

/**
 * Starts WebKitWebDriver on a free 127.0.0.1 port — under `xvfb-run` when there is no display,
 * since MiniBrowser has no headless mode — and waits (bounded) until it answers `/status`.
 */
export async function startWebKitDriver(): Promise<WebKitDriver> {
  const { driver, browser } = findWebKit(process.env);
  const xvfbRun = findXvfbRun(process.env);
  if (!driver || !browser || xvfbRun === undefined) {
    throw new Error(
      'WebKit is missing: install webkit2gtk-driver (and xvfb xauth without a display), or set WEBKIT_WEBDRIVER_PATH and WEBKIT_BROWSER_PATH; `npm test` installs them as root on Debian/Ubuntu',
    );
  }
  const port = await freePort();
  const args = [`--port=${port}`, '--host=127.0.0.1'];
  // Workers starting xvfb-run -a at the same moment could both pick the first free display, and
  // one would fail: each worker's search for a free one starts at a number of its own (-n before -a).
  const display = String(99 + 10 * Number(process.env.TEST_PARALLEL_INDEX ?? 0));
  // detached: its own process group, so stop() ends xvfb-run, Xvfb, the driver and MiniBrowser together
  const child: ChildProcess = xvfbRun
    ? spawn(xvfbRun, ['-n', display, '-a', driver, ...args], { detached: true, stdio: 'ignore' })
    : spawn(driver, args, { detached: true, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  const deadline = Date.now() + waitTimeoutMs;
  for (;;) {
    const ready = await fetch(`${url}/status`).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) return { url, browser, stop };
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`WebKitWebDriver did not start on port ${port}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
