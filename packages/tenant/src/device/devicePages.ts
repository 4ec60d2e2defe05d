import type { KoaContextWithOIDC } from 'oidc-provider';
import { escapeHtml, renderPage } from '../routes/html.js';

type DeviceFlowFeature = {
  userCodeInputSource(ctx: KoaContextWithOIDC, form: string, out?: unknown, err?: Error): Promise<void>;
  userCodeConfirmSource(
    ctx: KoaContextWithOIDC,
    form: string,
    client: { clientId: string; clientName?: string },
    deviceInfo: unknown,
    userCode: string,
  ): Promise<void>;
  successSource(ctx: KoaContextWithOIDC): Promise<void>;
};

/** Why a code entered on `/activate` was refused, as the person should read it. */
function inputError(err: (Error & { userCode?: string }) | undefined): string | undefined {
  if (!err) return undefined;
  switch (err.name) {
    case 'NoCodeError':
    case 'NotFoundError':
      return 'The code you entered is invalid. Check it and try again.';
    case 'ExpiredError':
      return 'The code you entered has expired. Start again on your device.';
    case 'AlreadyUsedError':
      return 'The code you entered has already been used.';
    case 'AbortedError':
      return 'You denied access to the device.';
    default:
      return 'Something went wrong. Start again on your device.';
  }
}

/**
 * The pages of the device flow's user side, rendered by the tenant (oidc-provider's
 * `features.deviceFlow` hooks): `/activate` asks for the user code (prefilled from
 * `verification_uri_complete`), then shows the application and the code to confirm or deny;
 * the login page of the tenant comes in between when there is no session.
 */
export function devicePages(tenantName: string): DeviceFlowFeature {
  const page = (ctx: KoaContextWithOIDC, title: string, body: string) => {
    ctx.type = 'html';
    ctx.body = renderPage({ tenantName, title, body });
  };
  return {
    async userCodeInputSource(ctx, form, _out, err) {
      const error = inputError(err);
      page(
        ctx,
        'Device activation',
        `<h1>Device activation</h1>
<p class="sub">Enter the code displayed on your device.</p>
${error ? `<p class="error" role="alert" id="error">${escapeHtml(error)}</p>` : ''}
${form.replace('<input\n', '<label for="user_code">Code</label><input id="user_code"\n')}
<button type="submit" form="op.deviceInputForm">Continue</button>`,
      );
    },
    async userCodeConfirmSource(ctx, form, client, _deviceInfo, userCode) {
      page(
        ctx,
        'Confirm device',
        `<h1>Confirm your device</h1>
<p class="sub"><strong>${escapeHtml(client.clientName ?? client.clientId)}</strong> asks for access to your account. Check that your device shows this code:</p>
<p><strong id="user-code" style="font-size:24px;letter-spacing:.08em">${escapeHtml(userCode)}</strong></p>
${form}
<button type="submit" form="op.deviceConfirmForm">Confirm</button>
<button type="submit" form="op.deviceConfirmForm" name="abort" value="yes" class="secondary">Deny</button>`,
      );
    },
    async successSource(ctx) {
      const client = ctx.oidc.client;
      page(
        ctx,
        'Device connected',
        `<h1>Congratulations, you're all set!</h1>
<p class="sub">Your device${client ? ` (${escapeHtml(client.clientName ?? client.clientId)})` : ''} is now connected. You can close this window and return to it.</p>`,
      );
    },
  };
}
