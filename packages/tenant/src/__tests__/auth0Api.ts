import { TOTP } from 'otpauth';
import type { OutboxMessage } from '../outbox/Outbox.js';
import type { RunningTenant } from '../startTenant.js';

/** A response: status, headers and the parsed JSON body (or the text). */
export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A JSON POST to the tenant. */
export async function postJson(
  tenant: RunningTenant,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(new URL(path, tenant.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await parse(response) };
}

/** A form POST to `/oauth/token`. */
export async function token(
  tenant: RunningTenant,
  params: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Answer<Record<string, string>>> {
  const response = await fetch(new URL('oauth/token', tenant.url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ client_id: 'sesame-spa', ...params }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await parse(response)) as Record<string, string>,
  };
}

async function parse(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The outbox messages to `to`. */
export async function outbox(tenant: RunningTenant, to: string): Promise<OutboxMessage[]> {
  const response = await fetch(new URL(`__dev/outbox?${new URLSearchParams({ to })}`, tenant.url));
  return (await response.json()) as OutboxMessage[];
}

/** The newest outbox message to `to`. */
export async function lastMessage(tenant: RunningTenant, to: string): Promise<OutboxMessage> {
  const messages = await outbox(tenant, to);
  const last = messages.at(-1);
  if (!last) throw new Error(`no message to ${to}`);
  return last;
}

/** The current TOTP of a base32 secret, as an authenticator app computes it. */
export const totpNow = (secret: string) => new TOTP({ secret, digits: 6, period: 30 }).generate();

/** A `/__dev/reset`. */
export const devReset = (tenant: RunningTenant) =>
  fetch(new URL('__dev/reset', tenant.url), { method: 'POST' });

export const PASSWORD_REALM = 'http://auth0.com/oauth/grant-type/password-realm';
export const PASSWORDLESS_OTP = 'http://auth0.com/oauth/grant-type/passwordless/otp';
export const MFA_OTP = 'http://auth0.com/oauth/grant-type/mfa-otp';
export const MFA_OOB = 'http://auth0.com/oauth/grant-type/mfa-oob';
export const MFA_RECOVERY_CODE = 'http://auth0.com/oauth/grant-type/mfa-recovery-code';
