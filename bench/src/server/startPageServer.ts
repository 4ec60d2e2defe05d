import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AdapterConfig } from '../adapters/Adapter.js';

/** A running adapter-page server. */
export interface PageServer {
  /** The page's origin with a trailing slash, e.g. `http://127.0.0.1:5301/`. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves one library's adapter page on 127.0.0.1:`port`: `/` and `/silent` are the HTML page
 * (with `config` inlined as `window.benchConfig`), `/app.js` the adapter bundle. Nothing is cached,
 * so every cold start loads the page the same way.
 */
export async function startPageServer(options: {
  port: number;
  bundlePath: string;
  title: string;
  config: AdapterConfig;
}): Promise<PageServer> {
  const bundle = await readFile(options.bundlePath);
  const html = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>bench: ${escapeHtml(options.title)}</title>`,
    `<script>window.benchConfig = ${JSON.stringify(options.config).replaceAll('<', '\\u003c')};</script>`,
    '<script type="module" src="/app.js"></script>',
    '</head><body></body></html>',
  ].join('\n');
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const headers = { 'cache-control': 'no-store' };
    if (path === '/' || path === '/silent') {
      response.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else if (path === '/app.js') {
      response.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
    } else {
      response.writeHead(404, headers).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${options.port}/`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
}
