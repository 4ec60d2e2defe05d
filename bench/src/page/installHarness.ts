import type { Adapter, AdapterConfig, AdapterFactory } from '../adapters/Adapter.js';
import type { BurstResult, HarnessApi, StartupResult, TimedResult } from './HarnessApi.js';
import { storageFloor } from './storageFloor.js';

const loginStartKey = 'bench.loginStart';
/** A page of the DPoP scenario stays one across the login's navigation (the callback URL has no query). */
const apiPageKey = 'bench.apiPage';
/** No operation may hang the run: a library that never settles is reported as a timeout. */
const operationTimeoutMs = 10_000;

/**
 * Starts the adapter page: creates the library's client from `window.benchConfig`, handles
 * the redirect callback or the `?cold` measurement, then exposes `window.bench`.
 * The bundle of each library is this function plus that library's adapter.
 */
export function installHarness(factory: AdapterFactory): void {
  window.benchState = { phase: 'starting', scriptStartMs: performance.now() };
  start(factory).catch((error: unknown) => {
    window.benchState = { ...window.benchState, phase: 'error', error: message(error) };
  });
}

async function start(factory: AdapterFactory): Promise<void> {
  const { scriptStartMs } = window.benchState;
  const params = new URLSearchParams(location.search);
  // A misconfigured app: the client id the tenant does not know, as after a typo.
  const base = params.has('misconfigured')
    ? { ...window.benchConfig, clientId: 'bench-no-such-client' }
    : window.benchConfig;
  const apiPage = apiPageOf(params);
  const config = apiPage ? { ...base, scope: `${base.scope} ${base.api.scope}`, apiPage } : base;
  const adapter = factory(config);
  window.bench = harnessApi(adapter);

  if (window.parent !== window && location.pathname === '/silent') {
    await adapter.handleSilentCallback?.();
    window.benchState = { phase: 'silent-callback', scriptStartMs };
    return;
  }
  if (params.has('state') && (params.has('code') || params.has('error'))) {
    const started = Number(sessionStorage.getItem(loginStartKey));
    sessionStorage.removeItem(loginStartKey);
    const login = await timed(async () => {
      await adapter.handleCallback();
      return adapter.getToken();
    });
    // The clock of the login starts in the page that called login(), before the navigation.
    window.benchState = {
      phase: 'ready',
      login: { ...login, ms: Date.now() - started },
      callbackMs: login.ms,
      scriptStartMs,
    };
    return;
  }
  if (params.has('startup')) {
    window.benchState = { phase: 'ready', startup: await startup(adapter), scriptStartMs };
    return;
  }
  if (params.has('cold')) {
    const coldStart = await timed(() => adapter.getToken());
    // performance.now() counts from the navigation start: the whole page load is included.
    window.benchState = { phase: 'ready', coldStart: { ...coldStart, ms: performance.now() }, scriptStartMs };
    return;
  }
  window.benchState = { phase: 'ready', scriptStartMs };
}

/**
 * `?api` (Bearer) or `?api&dpop` (DPoP): a page of the DPoP scenario. Remembered in
 * `sessionStorage`, so the page the login comes back to is one too.
 */
function apiPageOf(params: URLSearchParams): AdapterConfig['apiPage'] {
  if (params.has('api')) {
    const apiPage = { dpop: params.has('dpop') };
    sessionStorage.setItem(apiPageKey, JSON.stringify(apiPage));
    return apiPage;
  }
  const stored = sessionStorage.getItem(apiPageKey);
  return stored ? (JSON.parse(stored) as AdapterConfig['apiPage']) : undefined;
}

/** How long an app's start may take before it is reported as a timeout (longer than any library's own bound). */
const startupBoundMs = 90_000;

/** Runs the adapter's `start()`, counting the iframes the library adds to the page meanwhile. */
async function startup(adapter: Adapter): Promise<StartupResult> {
  let iframes = 0;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeName === 'IFRAME') iframes++;
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  try {
    const signedIn = await bounded(adapter.start(), startupBoundMs);
    return { ok: true, signedIn, ms: performance.now(), iframes };
  } catch (error) {
    return { ok: false, error: message(error), ms: performance.now(), iframes };
  } finally {
    observer.disconnect();
  }
}

function harnessApi(adapter: Adapter): HarnessApi {
  return {
    login: async () => {
      sessionStorage.setItem(loginStartKey, String(Date.now()));
      await bounded(adapter.login());
    },
    getToken: () => timed(() => adapter.getToken()),
    getTokenForced: () => timed(() => adapter.getTokenForced()),
    silentAuth: () => timed(() => adapter.silentAuth()),
    callApi: () =>
      timed(
        () =>
          adapter.callApi?.() ?? Promise.reject(new Error('this page has no API call (open it with ?api)')),
      ),
    logout: () =>
      timed(async () => {
        await adapter.logout();
        return '';
      }),
    // One bound around the whole loop: a timer per call would cost more than a cache hit.
    cachedCallsPerSecond: (durationMs) =>
      bounded(
        callsPerSecond(() => adapter.getToken(), durationMs),
        durationMs + operationTimeoutMs,
      ),
    loopCeiling: (durationMs) => callsPerSecond(async () => 'token', durationMs),
    storageFloor,
    parallelForced: async (count) => {
      const t0 = performance.now();
      const settled = await Promise.allSettled(
        Array.from({ length: count }, () => bounded(adapter.getTokenForced())),
      );
      const errors = settled.flatMap((result) =>
        result.status === 'rejected' ? [message(result.reason)] : [],
      );
      const burst: BurstResult = {
        fulfilled: count - errors.length,
        rejected: errors.length,
        errors: [...new Set(errors)],
        ms: performance.now() - t0,
      };
      return burst;
    },
    forcedAt: async (epochMs) => {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, epochMs - Date.now())));
      return timed(() => adapter.getTokenForced());
    },
  };
}

async function timed(operation: () => Promise<string>): Promise<TimedResult> {
  const t0 = performance.now();
  try {
    const token = await bounded(operation());
    return { ok: true, ms: performance.now() - t0, token };
  } catch (error) {
    return { ok: false, ms: performance.now() - t0, error: message(error) };
  }
}

/** Sequential awaited calls of `call` for `durationMs` (after one warm-up call), per second. */
async function callsPerSecond(call: () => Promise<string>, durationMs: number): Promise<number> {
  await call();
  const batch = 64;
  let calls = 0;
  let elapsed = 0;
  const t0 = performance.now();
  while (elapsed < durationMs) {
    for (let i = 0; i < batch; i++) await call();
    calls += batch;
    elapsed = performance.now() - t0;
  }
  return (calls * 1000) / elapsed;
}

function bounded<T>(promise: Promise<T>, timeoutMs = operationTimeoutMs): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function message(error: unknown): string {
  if (error instanceof Error) {
    const code = 'error' in error && typeof error.error === 'string' ? `${error.error}: ` : '';
    return `${code}${error.message}`.slice(0, 300);
  }
  return String(error).slice(0, 300);
}
