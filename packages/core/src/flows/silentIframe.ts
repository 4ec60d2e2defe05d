import type { ClientContext } from '../context.js';
import type { TokenResponse } from '../types.js';
import { exchangeCode } from './exchangeCode.js';
import { startAuthorization } from './startAuthorization.js';
import { waitForWebMessage } from './waitForWebMessage.js';

/**
 * Silent authentication: a hidden iframe to `/authorize?prompt=none&response_mode=web_message`
 * that answers with a code while the user's session at the server lasts, or with
 * `login_required` / `consent_required`. The iframe is removed on the first valid message or
 * on timeout.
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
  let parameters: URLSearchParams;
  try {
    const response = waitForWebMessage({
      origin: ctx.config.origin,
      source: iframe.contentWindow,
      state: tx.state,
      timeoutMs,
      ...(signal && { signal }),
    });
    iframe.src = url.href;
    parameters = await response;
  } finally {
    iframe.remove();
  }
  return exchangeCode(ctx, tx, parameters);
}
