import { randomUUID } from 'node:crypto';

/** Why the tenant "sent" a message. */
export type OutboxPurpose = 'passwordless_code' | 'passwordless_link' | 'reset_password' | 'mfa_oob';

/**
 * An email or SMS the tenant "sent", as `GET /__dev/outbox` lists it.
 *
 * @example
 * ```json
 * { "id": "6b0c…", "channel": "email", "to": "ann@example.test", "purpose": "passwordless_code",
 *   "subject": "Your verification code", "text": "Your verification code is 123456. It expires in 5 minutes.",
 *   "code": "123456", "sent_at": "2026-11-21T13:10:00.000Z" }
 * ```
 */
export interface OutboxMessage {
  id: string;
  channel: 'email' | 'sms';
  /** Email address or phone number. */
  to: string;
  purpose: OutboxPurpose;
  /** Emails only. */
  subject?: string;
  text: string;
  /** The one-time code in the message, if any. */
  code?: string;
  /** The link in the message, if any (magic link, reset link). */
  link?: string;
  /** ISO 8601. */
  sent_at: string;
}

/** At most this many messages are kept; older ones are dropped first. */
const KEEP = 1000;

/**
 * The emails and SMS the tenant would have sent: passwordless codes and links, password
 * reset links, MFA codes. Nothing leaves the machine; developers and tests read them at
 * `GET /__dev/outbox` (and `/__dev/outbox.html`).
 */
export class Outbox {
  #messages: OutboxMessage[] = [];
  readonly #now: () => number;

  /** @param now - the clock, epoch milliseconds. */
  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Records a message and returns it. */
  send(message: Omit<OutboxMessage, 'id' | 'sent_at'>): OutboxMessage {
    const sent: OutboxMessage = {
      id: randomUUID(),
      ...message,
      sent_at: new Date(this.#now()).toISOString(),
    };
    this.#messages.push(sent);
    if (this.#messages.length > KEEP) this.#messages.shift();
    return sent;
  }

  /** The messages, oldest first; only those to `to` (case-insensitive) when given. */
  list(to?: string): OutboxMessage[] {
    const wanted = to?.toLowerCase();
    return this.#messages.filter((message) => !wanted || message.to.toLowerCase() === wanted);
  }

  /** Empties the outbox. */
  clear(): void {
    this.#messages = [];
  }
}
