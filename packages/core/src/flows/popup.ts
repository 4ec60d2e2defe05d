import type { ClientContext } from '../context.js';
import { AuthError } from '../errors/AuthError.js';
import type { PopupConfigOptions, PopupLoginOptions, TokenResponse } from '../types.js';
import { exchangeCode } from './exchangeCode.js';
import { startAuthorization } from './startAuthorization.js';

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
 * or `timeout`, and closes the popup in every case unless `config.closePopup` is `false`. The code that waits for the popup's
 * message is loaded with `import()` once the popup is open: apps that never open one do not
 * download it.
 */
export function popupLogin(
  ctx: ClientContext,
  options: PopupLoginOptions = {},
  config: PopupConfigOptions = {},
): Promise<TokenResponse> {
  const timeoutMs =
    config.timeoutInSeconds === undefined ? ctx.config.authorizeTimeoutMs : config.timeoutInSeconds * 1000;
  // Opened here, synchronously: after an await the browser no longer sees the user's gesture.
  const popup = timeoutMs >= 0 ? (config.popup ?? openPopup()) : undefined;
  const close = () => {
    if (config.closePopup !== false) popup?.close();
  };
  const run = async () => {
    if (!(timeoutMs >= 0)) throw new TypeError('"config.timeoutInSeconds" must be a number ≥ 0');
    if (!popup) throw new AuthError('popup_blocked', 'the browser blocked the popup');
    try {
      const [{ url, tx }, { waitForWebMessage }] = await Promise.all([
        startAuthorization(ctx, options.authorizationParams, 'web_message'),
        import('./waitForWebMessage.js'),
      ]);
      // The listener starts with the navigation: a server that still has a session answers at once.
      popup.location.href = url.href;
      const parameters = await waitForWebMessage({
        origin: ctx.config.origin,
        source: popup,
        state: tx.state,
        timeoutMs,
        closed: () => popup.closed,
        AuthError,
      });
      close();
      return await exchangeCode(ctx, tx, parameters);
    } finally {
      close();
    }
  };
  const result = run();
  // The facade awaits it only after the first store read: an early failure is not "unhandled".
  result.catch(() => undefined);
  return result;
}
