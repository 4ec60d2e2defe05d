import type { ClientContext } from '../context.js';
import { AuthError } from '../errors/AuthError.js';
import type { TokenResponse } from '../types.js';
import { exchangeCode } from './exchangeCode.js';
import { startAuthorization } from './startAuthorization.js';
import { waitForWebMessage } from './waitForWebMessage.js';

/** How long a loaded page of the server may take to post its answer. */
export const NO_ANSWER_MS = 2000;

/**
 * Silent authentication: a hidden iframe to `/authorize?prompt=none&response_mode=web_message`
 * that answers with a code while the user's session at the server lasts, or with
 * `login_required` / `consent_required`. The iframe is removed on the first valid message or
 * on timeout.
 *
 * A page that loaded and has not answered {@link NO_ANSWER_MS} later never will (an error page
 * of the server: unknown client, redirect URI or web origin not allowed, issuer unreachable):
 * that fails at once with `configuration_error` instead of waiting for the timeout.
 */
export async function silentIframe(
  ctx: ClientContext,
  audience: string | undefined,
  scope: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<TokenResponse> {
  const { url, tx } = await startAuthorization(ctx, { audience, scope, prompt: 'none' }, 'web_message');
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
            `no answer from ${ctx.config.origin}: check the client id, allowed callback URLs and web origins`,
          ),
        ),
      NO_ANSWER_MS,
    );
  };
  let parameters: URLSearchParams;
  try {
    const response = waitForWebMessage({
      origin: ctx.config.origin,
      source: iframe.contentWindow,
      state: tx.state,
      timeoutMs,
      signal: wait.signal,
    });
    if (signal?.aborted) onAbort();
    iframe.src = url.href;
    // Set after src: the empty document's own load event must not count.
    iframe.onload = onLoad;
    parameters = await response;
  } finally {
    clearTimeout(silence);
    signal?.removeEventListener('abort', onAbort);
    iframe.remove();
  }
  return exchangeCode(ctx, tx, parameters);
}
