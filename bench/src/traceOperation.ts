// Debugging aid for adapters: logs in with one library, runs one harness operation and prints
// every request to the tenant and the answers to POSTs.
//   pnpm --filter @sesame/bench run trace <library id> [getToken|getTokenForced|silentAuth|logout]
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../../scripts/find-chromium.mjs';
import { buildAdapters } from './buildAdapters.js';
import { libraries } from './libraries.js';
import type { HarnessApi } from './page/HarnessApi.js';
import { adapterConfig } from './runner/adapterConfig.js';
import { openSession } from './runner/harnessPage.js';
import { sleep } from './runner/settle.js';
import { startBenchApi } from './server/startBenchApi.js';
import { startPageServer } from './server/startPageServer.js';
import { startBenchTenant } from './tenant/startBenchTenant.js';

type Operation = 'getToken' | 'getTokenForced' | 'silentAuth' | 'logout';
const operations: Operation[] = ['getToken', 'getTokenForced', 'silentAuth', 'logout'];

const [id, operation = 'getTokenForced'] = process.argv.slice(2) as [
  string | undefined,
  Operation | undefined,
];
const library = libraries.find((candidate) => candidate.id === id);
if (!library || !operations.includes(operation)) {
  console.error(`usage: trace <${libraries.map((l) => l.id).join('|')}> [${operations.join('|')}]`);
  process.exit(2);
}
const bundle = (await buildAdapters([library])).get(library.id);
if (!bundle?.ok) throw new Error(`adapter bundle: ${bundle?.error}`);
const origin = `http://127.0.0.1:${library.port}`;
const tenant = await startBenchTenant([origin]);
const api = await startBenchApi(tenant, [origin]);
const server = await startPageServer({
  port: library.port,
  bundlePath: bundle.value,
  title: library.label,
  config: adapterConfig(tenant, library.port, api.url),
});
const executablePath = findChromium(process.env);
const browser = await chromium.launch({ args: chromiumArgs, ...(executablePath ? { executablePath } : {}) });
try {
  const session = await openSession(() => browser.newContext(), server.url, tenant.origin);
  session.context.on('request', (request) => {
    if (!request.url().startsWith(tenant.origin)) return;
    console.log('>>', request.method(), request.url(), shorten(request.postData() ?? ''));
  });
  session.context.on('response', async (response) => {
    if (!response.url().startsWith(tenant.origin) || response.request().method() !== 'POST') return;
    console.log('<<', response.status(), shorten(await response.text().catch(() => '')));
  });
  session.page.on('console', (message) => console.log('page:', message.text()));
  const result = await session.page.evaluate((name) => (window.bench as HarnessApi)[name](), operation);
  await sleep(500);
  console.log(JSON.stringify(result, (key, value) => (key === 'token' ? shorten(String(value)) : value)));
} finally {
  await browser.close();
  await server.stop();
  await api.stop();
  await tenant.stop();
}

/** Keeps long values (tokens, codes) readable: the first characters only. */
function shorten(text: string): string {
  return text.replace(/[A-Za-z0-9_\-.]{40,}/g, (value) => `${value.slice(0, 12)}…`).slice(0, 400);
}
