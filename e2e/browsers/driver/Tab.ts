/** The engines the cross-browser suite runs in. */
export type Engine = 'chromium' | 'firefox' | 'webkit';

/** An element: a CSS selector, or an XPath when it starts with `//` (buttons and links by their text). */
export type Selector = string;

/**
 * One tab or popup window under test: the few things the scenarios do, the same whichever
 * engine and driver is behind it (Playwright, puppeteer over WebDriver BiDi, classic WebDriver).
 * Every method waits, bounded, for what it needs (the element, the page load) and throws after.
 */
export interface Tab {
  /** Loads `url` and waits for its `load` event. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  url(): Promise<string>;
  /** A real (trusted) click: a user gesture, so a popup it opens is allowed. */
  click(selector: Selector): Promise<void>;
  /** Types `value` into an input, replacing what it held. */
  fill(selector: Selector, value: string): Promise<void>;
  /**
   * Runs `fn(arg)` in the page and resolves with its (awaited, JSON-serialisable) result.
   * `fn` is sent as source: it may use only its argument and the page's globals. Return `null`,
   * not `undefined` (classic WebDriver turns `undefined` into `null`).
   */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Clicks `selector` and resolves with the popup window the click opened. */
  clickForPopup(selector: Selector): Promise<Tab>;
  close(): Promise<void>;
}

/** A fresh browser profile (no cookies, no storage) for one test; tabs in it share storage. */
export interface BrowserSession {
  readonly engine: Engine;
  newTab(): Promise<Tab>;
  /** Closes every tab and drops the profile. */
  close(): Promise<void>;
}

/** How long any single wait of the suite lasts at most. */
export const waitTimeoutMs = 15_000;
