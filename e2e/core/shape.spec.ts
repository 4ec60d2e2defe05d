import { loginWithRedirect, openCorePage } from '../support/corePage.js';
import { expect, test } from '../support/shape.js';

// Proves what the `cross-site` project stands for: there, the tenant's session cookie does not
// reach the prompt=none iframe, so a spec that passes in both shapes did not lean on the iframe.

test('the prompt=none iframe renews a session same-site and is blocked cross-site @production', async ({
  page,
  shape,
  tenant,
  shapeOptions,
}) => {
  await openCorePage(page, { ...shapeOptions, useRefreshTokens: false });
  await loginWithRedirect(page);
  const before = await tenant.stats();
  const outcome = await page.evaluate(() =>
    window.sesame.client.getTokenSilently({ cacheMode: 'off' }).then(
      (token) => (token.length > 20 ? 'token' : 'empty'),
      (e: { code?: string }) => e.code,
    ),
  );
  const codeGrants = (await tenant.stats()).grantTypes.authorization_code ?? 0;
  if (shape === 'same-site') {
    expect(outcome).toBe('token');
    expect(codeGrants).toBe((before.grantTypes.authorization_code ?? 0) + 1);
  } else {
    expect(outcome).toBe('login_required');
    expect(codeGrants).toBe(before.grantTypes.authorization_code ?? 0);
  }
});
