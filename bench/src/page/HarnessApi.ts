import type { AdapterConfig } from '../adapters/Adapter.js';

/** The result of one timed operation in the page. */
export type TimedResult = { ok: true; ms: number; token: string } | { ok: false; ms: number; error: string };

/** What the harness publishes about the page load, read by the runner through `window.benchState`. */
export interface HarnessState {
  /** `ready` once start-up is over (cold start measured, callback handled) or `error`. */
  phase: 'starting' | 'ready' | 'error' | 'silent-callback';
  error?: string;
  /** `?cold`: the cold start, from navigation start to a usable token. */
  coldStart?: TimedResult;
  /** `?startup`: from navigation start until the library settled whether someone is signed in. */
  startup?: StartupResult;
  /** After a login: from `login()` (in the previous page) to a usable token in this one. */
  login?: TimedResult;
  /** After a login: the part of `login` spent in this page handling the callback and getting the token. */
  callbackMs?: number;
  /** `performance.now()` when the harness started to run: the page and bundle load before the library. */
  scriptStartMs?: number;
}

/** An app's start, as `?startup` (or `?startup&misconfigured`, with an unknown client id) measures it. */
export type StartupResult = { ms: number; iframes: number } & (
  | { ok: true; signedIn: boolean }
  | { ok: false; error: string }
);

/** Counts of a burst of parallel calls. */
export interface BurstResult {
  fulfilled: number;
  rejected: number;
  /** Distinct error messages of the rejected calls. */
  errors: string[];
  ms: number;
}

/** What the harness exposes as `window.bench`; every operation settles within a bound. */
export interface HarnessApi {
  /** Records the start time (across the navigation) and starts the library's redirect login. */
  login(): Promise<void>;
  getToken(): Promise<TimedResult>;
  getTokenForced(): Promise<TimedResult>;
  silentAuth(): Promise<TimedResult>;
  /** One API call through the library's fetcher (pages opened with `?api`); `token` is the answer's status. */
  callApi(): Promise<TimedResult>;
  logout(): Promise<TimedResult>;
  /** Sequential cache-hit `getToken()` calls for `durationMs`; resolves with calls per second. */
  cachedCallsPerSecond(durationMs: number): Promise<number>;
  /** The same loop around an async function that returns a constant: the most the loop can measure. */
  loopCeiling(durationMs: number): Promise<number>;
  /**
   * A Web Lock over two IndexedDB read-write transactions on a scratch database, timed without any
   * library: the storage work of Sesame's forced refresh around its request (see `storageFloor.ts`).
   */
  storageFloor(): Promise<number>;
  /** `count` forced `getToken()` calls started together. */
  parallelForced(count: number): Promise<BurstResult>;
  /** Waits until `Date.now() >= epochMs`, then runs one forced `getToken()`. */
  forcedAt(epochMs: number): Promise<TimedResult>;
}

declare global {
  interface Window {
    bench: HarnessApi;
    benchState: HarnessState;
    benchConfig: AdapterConfig;
  }
}
