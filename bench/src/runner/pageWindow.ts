import type { HarnessApi, HarnessState } from '../page/HarnessApi.js';

// The Node-side code is type-checked without the DOM library (see tsconfig.json), yet the
// callbacks it hands to `page.evaluate()` run in the adapter page and use its `window`.
declare global {
  /** The adapter page's window, as `page.evaluate()` callbacks see it. */
  var window: { bench: HarnessApi; benchState: HarnessState };
}
