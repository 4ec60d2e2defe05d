import { IncomingMessage } from 'node:http';

/** Request bodies the tenant's own routes accept are small forms. */
const LIMIT = 64 * 1024;

/** Reads a request body as bytes, refusing more than 64 KiB. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > LIMIT) throw Object.assign(new Error('request body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
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
