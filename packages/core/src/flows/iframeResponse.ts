import { type WebMessageSource, waitForWebMessage } from './waitForWebMessage.js';

/** How long a loaded page of the server may take to post its answer. */
export const NO_ANSWER_MS = 2000;

/**
 * Loads `url` (an `/authorize` URL with `prompt=none&response_mode=web_message`) in a hidden
 * iframe and waits for its authorization response (see `waitForWebMessage`). The iframe is
 * removed on the first valid message, on timeout, or when `from.signal` aborts.
 *
 * A page that loaded and has not answered {@link NO_ANSWER_MS} later never will (an error page
 * of the server: unknown client, redirect URI or web origin not allowed, issuer unreachable):
 * that fails at once with `configuration_error` instead of waiting for the timeout.
 *
 * Loaded with `import()` by `silentIframe`, like `waitForWebMessage`: see there why `AuthError`
 * is passed in.
 */
export async function iframeResponse(
  url: URL,
  from: Omit<WebMessageSource, 'source' | 'closed'>,
): Promise<URLSearchParams> {
  const { signal, AuthError } = from;
  const iframe = document.createElement('iframe');
  iframe.setAttribute('aria-hidden', 'true');
  iframe.style.cssText = 'display:none;position:absolute;width:0;height:0;border:0';
  document.body.appendChild(iframe);
  // Ends the wait on the caller's deadline, or when the loaded page stays silent.
  const wait = new AbortController();
  const onAbort = () => wait.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort);
  let silence: ReturnType<typeof setTimeout> | undefined;
  // Every load restarts the count: a page that navigates on (a form posted onwards) may still answer.
  const onLoad = () => {
    clearTimeout(silence);
    silence = setTimeout(
      () =>
        wait.abort(
          new AuthError(
            'configuration_error',
            `no answer from ${from.origin}: check the client id, allowed callback URLs and web origins`,
          ),
        ),
      NO_ANSWER_MS,
    );
  };
  try {
    const response = waitForWebMessage({ ...from, source: iframe.contentWindow, signal: wait.signal });
    if (signal?.aborted) onAbort();
    iframe.src = url.href;
    // Set after src: the empty document's own load event must not count.
    iframe.onload = onLoad;
    return await response;
  } finally {
    clearTimeout(silence);
    signal?.removeEventListener('abort', onAbort);
    iframe.remove();
  }
}
