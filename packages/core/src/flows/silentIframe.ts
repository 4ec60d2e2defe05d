import type { ClientContext } from '../context.js';
import { AuthError } from '../errors/AuthError.js';
import type { TokenResponse } from '../types.js';
import { exchangeCode } from './exchangeCode.js';
import { startAuthorization } from './startAuthorization.js';

/**
 * Silent authentication: a hidden iframe to `/authorize?prompt=none&response_mode=web_message`
 * (see `iframeResponse`) that answers with a code while the user's session at the server
 * lasts, or with `login_required` / `consent_required`; the code is exchanged as any other.
 * The iframe's code is loaded with `import()` on the first use: an app whose sessions all
 * live on refresh tokens never downloads it.
 */
export async function silentIframe(
  ctx: ClientContext,
  audience: string | undefined,
  scope: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<TokenResponse> {
  const [{ url, tx }, { iframeResponse }] = await Promise.all([
    startAuthorization(ctx, { audience, scope, prompt: 'none' }, 'web_message'),
    import('./iframeResponse.js'),
  ]);
  const parameters = await iframeResponse(url, {
    origin: ctx.config.origin,
    state: tx.state,
    timeoutMs,
    signal,
    AuthError,
  });
  return exchangeCode(ctx, tx, parameters);
}
