import type { KoaContextWithOIDC } from 'oidc-provider';

// In a script element: what could end it or break the line is written as a JSON escape.
const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;
const asScriptText = (value: unknown) =>
  JSON.stringify(value).replace(
    SCRIPT_UNSAFE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/**
 * The page of `response_mode=web_message`, as Auth0 answers it: it posts
 * `{ type: 'authorization_response', response }` to the window that opened it (a popup) or holds it
 * (a `prompt=none` iframe), for the callback's origin only, and leaves the window open: the client
 * closes its popup when it has the answer (auth0-spa-js's `closePopup`). oidc-provider's own page
 * closes the popup right after posting, and auth0-spa-js, which checks every second whether its
 * popup is closed, may see it closed before it has read the message, then rejects the login
 * (`PopupCancelledError`) although the tenant has issued a code.
 *
 * Registered for `web_message` in place of oidc-provider's (see `createProvider.ts`); the
 * `x-frame-options` header oidc-provider sets is dropped, so that the iframe of silent
 * authentication may show the page.
 */
export function auth0WebMessage(
  ctx: KoaContextWithOIDC,
  redirectUri: string,
  response: Record<string, unknown>,
): void {
  ctx.type = 'html';
  if (![200, 400, 500].includes(ctx.status)) ctx.status = 'error' in response ? 400 : 200;
  ctx.response.remove('x-frame-options');
  const message = asScriptText({ type: 'authorization_response', response });
  const origin = asScriptText(new URL(redirectUri).origin);
  ctx.body = `<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>Authorization response</title></head>
<body>
<script>(window.opener || window.parent).postMessage(${message}, ${origin});</script>
</body>
</html>`;
}
