import { type BrowserSession, type Selector, type Tab, waitTimeoutMs } from './Tab.js';

/** The W3C element reference key (WebDriver §12.1). */
const elementKey = 'element-6066-11e4-a52e-4f735466cecf';

/**
 * A minimal W3C WebDriver (classic, HTTP) client: the dozen commands the scenarios need, sent to
 * WebKitWebDriver, which drives WebKitGTK's MiniBrowser. A session drives one window at a time,
 * so each {@link Tab} switches to its window before a command.
 * @see https://www.w3.org/TR/webdriver2/
 */
export async function webkitSession(driverUrl: string, miniBrowser: string): Promise<BrowserSession> {
  const created = await command<{ sessionId: string }>(driverUrl, 'POST', '/session', {
    capabilities: {
      alwaysMatch: {
        'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] },
        timeouts: { implicit: waitTimeoutMs, pageLoad: waitTimeoutMs, script: 2 * waitTimeoutMs },
      },
    },
  });
  const base = `${driverUrl}/session/${created.sessionId}`;
  const send = <T>(method: string, path: string, body?: unknown) => command<T>(base, method, path, body);
  let current = await send<string>('GET', '/window');
  let first: string | undefined = current;

  const tab = (handle: string): Tab => {
    const use = async () => {
      if (current === handle) return;
      await send('POST', '/window', { handle });
      current = handle;
    };
    const find = async (selector: Selector) => {
      await use();
      const using = selector.startsWith('//') ? 'xpath' : 'css selector';
      const deadline = Date.now() + waitTimeoutMs;
      for (;;) {
        try {
          const found = await send<Record<string, string>>('POST', '/element', { using, value: selector });
          const id = found[elementKey];
          if (!id) throw new Error(`WebDriver: no element reference in ${JSON.stringify(found)}`);
          return id;
        } catch (e) {
          // the implicit wait covers an element not there yet; a page unloading under the search
          // (a navigation in progress) ends it with "no such frame": search the next page
          if (!String(e).includes('no such frame') || Date.now() > deadline) throw e;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    };
    return {
      goto: async (url) => {
        await use();
        await send('POST', '/url', { url });
      },
      reload: async () => {
        await use();
        await send('POST', '/refresh', {});
      },
      url: async () => {
        await use();
        return send<string>('GET', '/url');
      },
      click: async (selector) => {
        await send('POST', `/element/${await find(selector)}/click`, {});
      },
      fill: async (selector, value) => {
        const id = await find(selector);
        await send('POST', `/element/${id}/clear`, {});
        await send('POST', `/element/${id}/value`, { text: value });
      },
      evaluate: async (fn, arg) => {
        await use();
        const script = `const done = arguments[arguments.length - 1];
Promise.resolve().then(() => (${fn.toString()})(arguments[0])).then(
  (value) => done({ value: value === undefined ? null : value }),
  (e) => done({ error: String(e && e.message || e) }));`;
        const result = await send<{ value?: never; error?: string }>('POST', '/execute/async', {
          script,
          args: [arg ?? null],
        });
        if (result.error !== undefined) throw new Error(result.error);
        return result.value as never;
      },
      clickForPopup: async (selector) => {
        const before = await send<string[]>('GET', '/window/handles');
        await send('POST', `/element/${await find(selector)}/click`, {});
        const deadline = Date.now() + waitTimeoutMs;
        for (;;) {
          const opened = (await send<string[]>('GET', '/window/handles')).find((h) => !before.includes(h));
          if (opened) return tab(opened);
          if (Date.now() > deadline) throw new Error('the click opened no popup');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      },
      close: async () => {
        await use();
        await send('DELETE', '/window');
        current = '';
      },
    };
  };

  return {
    engine: 'webkit',
    newTab: async () => {
      // the session's first window is the first tab; later ones are new tabs of the same browser
      if (first) {
        const handle = first;
        first = undefined;
        return tab(handle);
      }
      const opened = await send<{ handle: string }>('POST', '/window/new', { type: 'tab' });
      return tab(opened.handle);
    },
    close: async () => {
      await send('DELETE', '');
    },
  };
}

/** Sends one WebDriver command and resolves with its `value`, or throws the driver's error. */
async function command<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(4 * waitTimeoutMs),
  });
  const { value } = (await res.json()) as { value: T & { error?: string; message?: string } };
  if (!res.ok) throw new Error(`WebDriver ${method} ${path}: ${value.error}: ${value.message}`);
  return value;
}
