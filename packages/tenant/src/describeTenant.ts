import type { RunningTenant } from './startTenant.js';

/**
 * A human-readable summary of a running tenant: its URL, applications, APIs, users and
 * endpoints — what the CLI prints at start. Seeded passwords are shown (they are public
 * demo credentials); other passwords are not.
 */
export function describeTenant(tenant: RunningTenant, options: { showPasswords?: boolean } = {}): string {
  const { config, url } = tenant;
  const lines = [`${config.tenantName} tenant running at ${url}`, '', 'Applications:'];
  for (const app of config.clients) {
    lines.push(
      `  ${app.client_id} (${app.app_type}, ${app.token_endpoint_auth_method === 'none' ? 'public, PKCE' : 'confidential'})`,
    );
    if (app.client_secret && options.showPasswords) lines.push(`    secret:      ${app.client_secret}`);
    lines.push(`    grants:      ${app.grant_types.join(' ')}`);
    lines.push(`    callbacks:   ${app.callbacks.join(' ') || '-'}`);
    lines.push(`    logout URLs: ${app.allowed_logout_urls.join(' ') || '-'}`);
    lines.push(`    web origins: ${app.web_origins.join(' ') || '-'}`);
  }
  lines.push('', 'APIs:');
  for (const api of config.apis)
    lines.push(`  audience ${api.identifier}  scopes: ${api.scopes.join(' ') || '-'}`);
  lines.push('', 'Users:');
  for (const connection of config.connections) {
    for (const user of connection.users) {
      const password = options.showPasswords ? ` / ${user.password}` : '';
      lines.push(`  ${user.email}${password}  (${connection.name})`);
    }
  }
  lines.push(
    '',
    `Discovery: ${url}.well-known/openid-configuration`,
    config.dev ? `Dev:       ${url}__dev/stats  (POST ${url}__dev/reset)` : 'Dev endpoints: off',
    ...(config.dev ? [`Outbox:    ${url}__dev/outbox.html  (emails and SMS the tenant "sent")`] : []),
    `MFA:       ${config.mfa.policy}`,
    `Device:    ${url}activate  (codes from POST ${url}oauth/device/code)`,
    ...(config.clients.some((app) => app.saml || app.wsfed)
      ? [
          `SAML:      ${url}samlp/metadata/{client_id}  WS-Fed: ${url}wsfed/FederationMetadata/2007-06/FederationMetadata.xml`,
        ]
      : []),
    ...(config.dev ? [`Faults:    POST/GET/DELETE ${url}__dev/faults`] : []),
  );
  return lines.join('\n');
}
