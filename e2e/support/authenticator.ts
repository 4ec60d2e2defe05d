import { createHmac } from 'node:crypto';
import { expect, type Page } from '@playwright/test';

const tenantUrl = () => process.env.TENANT_URL ?? '';
const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The code an authenticator app shows now for a base32 TOTP secret (RFC 6238: SHA-1, 6 digits, 30 s). */
export function totp(secret: string, now = Date.now()): string {
  const bits = [...secret.replace(/=+$/, '').toUpperCase()]
    .map((char) => base32.indexOf(char).toString(2).padStart(5, '0'))
    .join('');
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => Number.parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(now / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** The last code the tenant "emailed" to `to`, from its outbox (`/__dev/outbox?to=`). */
export async function lastEmailedCode(to: string): Promise<string> {
  const res = await fetch(new URL(`__dev/outbox?to=${encodeURIComponent(to)}`, tenantUrl()));
  const messages = (await res.json()) as { code?: string }[];
  const code = messages.at(-1)?.code;
  if (!code) throw new Error(`no code in the outbox for ${to}`);
  return code;
}

/** A form of the demos' "More logins" page, by its accessible name. */
export const form = (page: Page, name: string) => page.getByRole('form', { name });

/**
 * The demos' "Email code" login on the "More logins" page (open): sends a code to `email`, types
 * the one the tenant "emailed" and submits it.
 */
export async function emailCodeLogin(page: Page, email: string): Promise<void> {
  await form(page, 'Email code').getByLabel('Email').fill(email);
  await form(page, 'Email code').getByRole('button', { name: 'Send code' }).click();
  await expect(form(page, 'Email code')).toContainText(`A code is on its way to ${email}`);
  await form(page, 'Email code')
    .getByLabel('Code')
    .fill(await lastEmailedCode(email));
  await form(page, 'Email code').getByRole('button', { name: 'Log in' }).click();
}
