import type { AuthError } from '../errors/AuthError.js';

/** Where an authorization response may come from, and how long to wait for it. */
export interface WebMessageSource {
  /** The issuer's origin: messages from any other origin are ignored. */
  readonly origin: string;
  /** The iframe's or popup's window: messages from any other window are ignored. */
  readonly source: MessageEventSource | null;
  readonly state: string;
  readonly timeoutMs: number;
  /** For popups: true once the user closed the window. */
  readonly closed?: () => boolean;
  /** The caller's deadline: aborting it ends the wait at once (and removes the iframe). */
  readonly signal?: AbortSignal | undefined;
  /**
   * The `AuthError` class, passed in: this module is loaded with `import()`, and a bundler
   * moves code that it shares with the entry (such as `AuthError`) into a chunk of its own that
   * every app then loads at start, compressed apart from the entry.
   */
  readonly AuthError: typeof AuthError;
}

/** How long a closed popup's last message may take to arrive. */
const popupClosedGraceMs = 1000;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * Waits for a `response_mode=web_message` authorization response: `{ type:
 * 'authorization_response', response: { code, state, iss } }` from the expected origin and
 * window, with the expected state. Anything else is ignored. The listener and timers are
 * removed on the first valid message, on timeout, or when the popup closes. Loaded with
 * `import()` by the popup and the silent iframe, so apps that use neither do not download it.
 */
export function waitForWebMessage(from: WebMessageSource): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let closedTimer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
      clearTimeout(closedTimer);
      clearInterval(poll);
      from.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      stop();
      reject(from.signal?.reason);
    };
    const onMessage = (event: MessageEvent<unknown>) => {
      if (event.origin !== from.origin || event.source !== from.source) return;
      const { data } = event;
      if (!isObject(data) || data.type !== 'authorization_response' || !isObject(data.response)) return;
      if (data.response.state !== from.state) return;
      const parameters = new URLSearchParams();
      for (const [name, value] of Object.entries(data.response)) {
        if (typeof value === 'string') parameters.append(name, value);
      }
      stop();
      resolve(parameters);
    };
    window.addEventListener('message', onMessage);
    from.signal?.addEventListener('abort', onAbort);
    const timer = setTimeout(() => {
      stop();
      reject(new from.AuthError('timeout', `no authorization response within ${from.timeoutMs / 1000} s`));
    }, from.timeoutMs);
    // A popup posts its response and closes itself at once; the opener may see it closed
    // before the message is dispatched. So a closed popup fails only after a grace period
    // in which its last message can still arrive.
    const poll = setInterval(() => {
      if (closedTimer !== undefined || !from.closed?.()) return;
      closedTimer = setTimeout(() => {
        stop();
        reject(new from.AuthError('popup_closed', 'the popup was closed before the login completed'));
      }, popupClosedGraceMs);
    }, 500);
  });
}
