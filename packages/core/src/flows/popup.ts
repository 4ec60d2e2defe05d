import type { ClientContext } from '../context.js';
import { AuthError } from '../errors/AuthError.js';
import type { PopupConfigOptions, PopupLoginOptions, TokenResponse } from '../types.js';
import { exchangeCode } from './exchangeCode.js';
import { startAuthorization } from './startAuthorization.js';
import { waitForWebMessage } from './waitForWebMessage.js';

function openPopup(): Window | null {
  const width = 400;
  const height = 600;
  const left = window.screenX + (window.innerWidth - width) / 2;
  const top = window.screenY + (window.innerHeight - height) / 2;
  return window.open(
    '',
    'sesame:authorize:popup',
    `left=${left},top=${top},width=${width},height=${height},popup`,
  );
}

/**
 * Logs in through a popup with `response_mode=web_message`. The popup is opened before the
 * first `await`, so a call from a click handler keeps the user's gesture; a caller may also
 * pass a window it opened itself. Settles with the tokens, `popup_blocked`, `popup_closed`
 * or `timeout`, and closes the popup in every case.
 */
export function popupLogin(
  ctx: ClientContext,
  options: PopupLoginOptions = {},
  config: PopupConfigOptions = {},
): Promise<TokenResponse> {
  const timeoutMs =
    config.timeoutInSeconds === undefined ? ctx.config.authorizeTimeoutMs : config.timeoutInSeconds * 1000;
  if (!(timeoutMs >= 0))
    return Promise.reject(new TypeError('"config.timeoutInSeconds" must be a number ≥ 0'));
  const popup = config.popup ?? openPopup();
  if (!popup) return Promise.reject(new AuthError('popup_blocked', 'the browser blocked the popup'));
  const run = async () => {
    const { url, tx } = await startAuthorization(ctx, options.authorizationParams, 'web_message');
    popup.location.href = url.href;
    const parameters = await waitForWebMessage({
      origin: ctx.config.origin,
      source: popup,
      state: tx.state,
      timeoutMs,
      closed: () => popup.closed,
    });
    popup.close();
    return exchangeCode(ctx, tx, parameters);
  };
  return run().finally(() => popup.close());
}
