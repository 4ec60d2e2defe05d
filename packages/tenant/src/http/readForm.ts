import { IncomingMessage } from 'node:http';

/** Request bodies the tenant's own routes accept are small forms. */
const LIMIT = 64 * 1024;
/** An oversized body is read to its end (so the client is not reset mid-send) up to this much. */
const DRAIN_LIMIT = 16 * 1024 * 1024;

/**
 * A request body over the limit: answered 413 with an Auth0-shaped
 * `{ error, error_description }`, after the body has been read to its end.
 */
export class PayloadTooLargeError extends Error {
  override readonly name = 'PayloadTooLargeError';
  readonly status = 413;

  constructor() {
    super(`Payload content length greater than maximum allowed: ${LIMIT}`);
  }

  /** The OAuth error body. */
  toJSON() {
    return { error: 'request_entity_too_large', error_description: this.message };
  }
}

/**
 * Reads a request body as bytes, refusing more than 64 KiB. An oversized body is still read
 * (not stored) to its end before the refusal, so a client that streams it gets the 413
 * instead of a connection reset; past 16 MiB the connection is closed.
 *
 * @throws {PayloadTooLargeError} for a body over 64 KiB.
 */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= LIMIT) chunks.push(chunk);
      else if (size > DRAIN_LIMIT) req.destroy();
    });
    req.on('end', () => (size > LIMIT ? reject(new PayloadTooLargeError()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new PayloadTooLargeError());
    });
  });
}

/**
 * Reads an `application/x-www-form-urlencoded` (or JSON object) body into a plain object of
 * strings (first value wins; no prototype, so `__proto__` is just a key).
 */
export async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const text = (await readBody(req)).toString('utf8');
  const out: Record<string, string> = Object.create(null);
  if ((req.headers['content-type'] ?? '').startsWith('application/json')) {
    const json: unknown = text ? JSON.parse(text) : {};
    if (typeof json === 'object' && json !== null) {
      for (const [key, value] of Object.entries(json)) {
        if (typeof value === 'string') out[key] = value;
      }
    }
    return out;
  }
  for (const [key, value] of new URLSearchParams(text)) {
    if (!(key in out)) out[key] = value;
  }
  return out;
}

/** A request equal to `req` but with `body` (the original stream has been read). */
export function withBody(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.headers = { ...req.headers, 'content-length': String(body.length) };
  delete copy.headers['transfer-encoding'];
  // `complete` tells IncomingMessage not to destroy the socket when the copy is consumed.
  copy.complete = true;
  copy.push(body);
  copy.push(null);
  return copy;
}
