// The benchmark: `pnpm bench` (or `pnpm --filter @sesame/bench run bench [--quick] [--only id,id]`).
// Weighs the minimal apps, bundles the adapter pages, starts the tenant and one page server per
// library, runs every browser scenario for every library in Chromium, and writes
// RESULTS.json and RESULTS.md next to this package's package.json.
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../../scripts/find-chromium.mjs';
import { buildAdapters } from './buildAdapters.js';
import { libraries as allLibraries, type Library } from './libraries.js';
import { attempt, errorMessage, type Outcome } from './outcome.js';
import type { BenchResults, ScenarioResults } from './report/BenchResults.js';
import { checkTargets } from './report/checkTargets.js';
import { installedVersions, machineInfo } from './report/machineInfo.js';
import { mergeResults } from './report/mergeResults.js';
import { renderMarkdown } from './report/renderMarkdown.js';
import { adapterConfig } from './runner/adapterConfig.js';
import { openSession, waitForHarness } from './runner/harnessPage.js';
import { runInterleaved } from './runner/runInterleaved.js';
import { browserScenarios } from './scenarios/browserScenarios.js';
import type { ScenarioContext, ScenarioResult } from './scenarios/Scenario.js';
import { startBenchApi } from './server/startBenchApi.js';
import { type PageServer, startPageServer } from './server/startPageServer.js';
import { measureAppSizes } from './size/measureAppSizes.js';
import { createTokenChecker } from './tenant/createTokenChecker.js';
import { startBenchTenant } from './tenant/startBenchTenant.js';

// `pnpm bench -- …` passes the `--` through: it is no option.
const args = process.argv.slice(2).filter((arg) => arg !== '--');
const quick = args.includes('--quick');
const only = optionList('--only');
const scenarioFilter = optionList('--scenarios');
// Writes this run's scenarios into the existing results instead of replacing them (see mergeResults).
const merge = args.includes('--merge');
const libraries = only ? allLibraries.filter((library) => only.includes(library.id)) : allLibraries;
const scenarios = scenarioFilter
  ? browserScenarios.filter((scenario) => scenarioFilter.includes(scenario.id))
  : browserScenarios;
const outDir = new URL('../', import.meta.url);
const started = new Date();
// The load of the machine (other processes) at the start; the report states it with the load at the end.
const loadAtStart = loadavg()[0] ?? 0;
const log = (text: string) =>
  console.log(`[bench ${((Date.now() - started.getTime()) / 1000).toFixed(0)}s] ${text}`);

log(merge ? '1. size: kept from the existing results (--merge)' : '1. size');
const size = merge ? [] : await measureAppSizes(libraries);
log('bundling adapter pages');
const bundles = await buildAdapters(libraries);

const pageOrigins = libraries.map((library) => `http://127.0.0.1:${library.port}`);
const tenant = await startBenchTenant(pageOrigins);
const api = await startBenchApi(tenant, pageOrigins);
const servers: PageServer[] = [];
const executablePath = findChromium(process.env);
const browser = await chromium.launch({ args: chromiumArgs, ...(executablePath ? { executablePath } : {}) });
const results: ScenarioResults[] = scenarios.map((scenario) => ({
  id: scenario.id,
  number: scenario.number,
  title: scenario.title,
  description: scenario.description,
  columns: scenario.columns,
  headline: scenario.headline,
  results: {},
}));

try {
  const checkToken = await createTokenChecker(tenant.issuer);
  const pageUrls = new Map<string, string>();
  for (const library of libraries) {
    const bundle = bundles.get(library.id);
    if (!bundle?.ok) continue;
    const server = await startPageServer({
      port: library.port,
      bundlePath: bundle.value,
      title: library.label,
      config: adapterConfig(tenant, library.port, api.url),
    });
    servers.push(server);
    pageUrls.set(library.id, server.url);
  }
  // Warm-up, unmeasured: the first logins and page loads of a run pay for JIT compilation in
  // the tenant and in Chromium, which would otherwise fall on whichever library runs first.
  log('warm-up: one login and one reload per library');
  for (const [id, pageUrl] of pageUrls) {
    const warm = await attempt(async () => {
      const session = await openSession(() => browser.newContext(), pageUrl, tenant.origin);
      await session.page.goto(`${pageUrl}?cold`);
      await waitForHarness(session.page);
      await session.context.close();
    });
    if (!warm.ok) log(`${id} warm-up: ${warm.error}`);
  }
  // Scenario by scenario, every library in turn, so that drift during the run spreads evenly.
  for (const [index, scenario] of scenarios.entries()) {
    const contextOf = (library: Library, pageUrl: string): ScenarioContext => ({
      browser,
      library,
      pageUrl,
      tenant,
      scale: quick ? 0.4 : 1,
      checkToken,
    });
    const outcomes = scenario.interleaved
      ? await runInterleaved(scenario.interleaved, libraries, pageUrls, contextOf)
      : new Map<string, Outcome<ScenarioResult>>();
    for (const library of libraries) {
      const pageUrl = pageUrls.get(library.id);
      const bundle = bundles.get(library.id);
      const outcome =
        outcomes.get(library.id) ??
        (pageUrl
          ? await attempt(() => scenario.run(contextOf(library, pageUrl)))
          : {
              ok: false as const,
              error: `adapter bundle: ${bundle?.ok === false ? bundle.error : 'not built'}`,
            });
      results[index]!.results[library.id] = outcome;
      log(
        `${library.id} ${scenario.id}: ${outcome.ok ? summaryLine(outcome.value.metrics) : `error: ${outcome.error}`}`,
      );
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((server) => server.stop()));
  await api.stop();
  await tenant.stop();
}

const partial = {
  date: started.toISOString(),
  durationSeconds: (Date.now() - started.getTime()) / 1000,
  command: `pnpm bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
  machine: machineInfo(browser.version()),
  versions: installedVersions(
    [
      ...new Set(
        libraries.flatMap((library) => [...library.packages, ...(library.reactApp?.packages ?? [])]),
      ),
    ].concat(['react', '@playwright/test', 'esbuild']),
  ),
  libraries: libraries.map(({ id, label }) => ({ id, label })),
  size,
  scenarios: results,
  notes: runNotes(),
};
const written = merge
  ? mergeResults(JSON.parse(await readFile(new URL('RESULTS.json', outDir), 'utf8')) as BenchResults, partial)
  : partial;
const report: BenchResults = { ...written, targets: checkTargets(written) };
await writeFile(new URL('RESULTS.json', outDir), `${JSON.stringify(report, null, 2)}\n`);
await writeFile(new URL('RESULTS.md', outDir), renderMarkdown(report));
log(`wrote bench/RESULTS.md and bench/RESULTS.json in ${partial.durationSeconds.toFixed(0)} s`);

function runNotes(): string[] {
  const notes = [
    'Every library talks to the same `@sesame/tenant` (oidc-provider) on 127.0.0.1, as the public SPA client ' +
      '`bench-spa`, with PKCE, refresh-token rotation and reuse detection; each library’s page has its own origin.',
    'Sesame runs with its default configuration. The peers run with refresh tokens and a persistent, tab-shared ' +
      'store (auth0-spa-js: `useRefreshTokens`, `cacheLocation: "localstorage"`; oidc-client-ts: `userStore` on ' +
      'localStorage; okta-auth-js: `tokenManager.storage: "localStorage"`), which every scenario but silent auth needs.',
  ];
  for (const library of libraries)
    notes.push(...(library.notes ?? []).map((note) => `${library.label}: ${note}`));
  const load = `${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end`;
  notes.push(
    `Load average (1 min) of the machine: ${load}, on ${cpus().length} cores. Above the core count, other ` +
      'processes shared the CPU: absolute times are inflated and noisier; compare ratios within this run.',
  );
  if (quick) notes.push('`--quick` run: fewer repetitions than the full benchmark.');
  if (only) notes.push(`Only these libraries were run: ${only.join(', ')}.`);
  return notes;
}

function optionList(name: string): string[] | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1]?.split(',') : undefined;
}

function summaryLine(metrics: Record<string, { median: number }>): string {
  return Object.entries(metrics)
    .map(([key, summary]) => `${key}=${Number(summary.median.toFixed(2))}`)
    .join(' ');
}

process.on('unhandledRejection', (error) => log(`unhandled: ${errorMessage(error)}`));
