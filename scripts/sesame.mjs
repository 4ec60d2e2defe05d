#!/usr/bin/env node
// The README's two commands land here: `npm run demo` and `npm test`.
// They must work on a machine that has only Node and npm, so this script
// brings pnpm (pinned in package.json) and, for the tests, Chromium, Firefox, WebKitGTK and Xvfb.
// It uses nothing but Node's standard library.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingBrowsers } from './find-browsers.mjs';
import { findChromium, findTestChromium, headlessShellPath } from './find-chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2];
if (mode !== 'test' && mode !== 'demo') {
  console.error('usage: node scripts/sesame.mjs test|demo');
  process.exit(2);
}

const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = packageManager.replace(/^pnpm@/, '');
const env = { ...process.env };

/** Runs a command in the repository root, inheriting stdio; returns its exit code. */
function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env, ...options });
  if (result.error) return 1;
  return result.status ?? 1;
}

function must(cmd, args) {
  const code = run(cmd, args);
  if (code !== 0) {
    console.error(`\n[sesame] \`${cmd} ${args.join(' ')}\` failed with exit code ${code}`);
    process.exit(code);
  }
}

function output(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, env, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '';
}

// pnpm: the one on PATH if it is the pinned version, else a private copy in .cache/.
function ensurePnpm() {
  if (output('pnpm', ['--version']) === pnpmVersion) return;
  const prefix = join(root, '.cache', 'pnpm');
  const bin = join(prefix, 'node_modules', '.bin');
  if (!existsSync(join(bin, 'pnpm'))) {
    console.log(`[sesame] installing pnpm@${pnpmVersion} into .cache/pnpm`);
    must('npm', [
      'install',
      '--silent',
      '--no-audit',
      '--no-fund',
      '--prefix',
      prefix,
      `pnpm@${pnpmVersion}`,
    ]);
  }
  env.PATH = `${bin}${process.platform === 'win32' ? ';' : ':'}${env.PATH}`;
}

// Chromium for Playwright, in the order the README gives: CHROMIUM_PATH, else the headless shell
// (installed with apt where possible), else a full Chromium.
function ensureChromium() {
  if (!process.env.CHROMIUM_PATH) ensureHeadlessShell();
  if (!findTestChromium(env)) ensureFullChromium();
  console.log(`[sesame] Chromium for the tests: ${findTestChromium(env)}`);
}

function ensureFullChromium() {
  let found = findChromium(env);
  if (found) return report(found);
  console.log('[sesame] no Chromium found; trying `playwright install chromium`');
  if (run('pnpm', ['exec', 'playwright', 'install', 'chromium'], { timeout: 180_000 }) === 0) {
    found = findChromium(env);
    if (found) return report(found);
  }
  if (aptInstall(['chromium'])) {
    found = findChromium(env);
    if (found) return report(found);
  }
  console.error(
    '[sesame] no Chromium for Playwright: set CHROMIUM_PATH, install chromium, or run `pnpm exec playwright install chromium`.',
  );
  process.exit(1);
}

// Chromium's headless shell runs the tests in about half the time of the full browser: installed
// with apt where possible; without it (another system, no root, no such package) the tests run in
// a full Chromium.
function ensureHeadlessShell() {
  if (existsSync(headlessShellPath)) return;
  if (!aptInstall(['chromium-headless-shell'], { optional: true }))
    console.log('[sesame] no chromium-headless-shell: the tests run in a full Chromium (slower)');
}

/** `apt-get install` as root on Debian/Ubuntu (once `apt-get update`d); false where that is not possible. */
function aptInstall(packages, { optional = false } = {}) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !output('sh', ['-c', 'command -v apt-get'])) return false;
  console.log(`[sesame] installing ${packages.join(' ')} with apt-get`);
  // An optional package may be out of reach (no network to the mirrors, not in this system's
  // sources): then false, not a stop.
  const step = (args) => {
    if (optional) return run('apt-get', args) === 0;
    must('apt-get', args);
    return true;
  };
  if (!aptUpdated && !step(['update', '-qq'])) return false;
  aptUpdated = true;
  return step(['install', '-y', '-qq', ...packages]);
}
let aptUpdated = false;

// Firefox, WebKitGTK and Xvfb for the cross-browser suite (e2e/browsers), found as
// scripts/find-browsers.mjs says, else installed with apt; otherwise stop and name what is missing.
function ensureOtherBrowsers() {
  let missing = missingBrowsers(env);
  if (missing.length && aptInstall([...new Set(missing.flatMap((m) => m.apt.split(' ')))])) {
    missing = missingBrowsers(env);
  }
  if (!missing.length) return;
  console.error('[sesame] the cross-browser tests need what is missing here:');
  for (const m of missing) console.error(`  - ${m.what}: install Debian/Ubuntu's ${m.apt}, or set ${m.env}`);
  console.error('[sesame] (as root on Debian or Ubuntu, `npm test` installs them itself)');
  process.exit(1);
}

// The Playwright config finds the same browsers by itself (scripts/find-chromium.mjs).
function report(path) {
  console.log(`[sesame] Chromium: ${path}`);
}

ensurePnpm();
must('pnpm', ['install', ...(env.CI ? ['--frozen-lockfile'] : [])]);
if (mode === 'test') {
  ensureChromium();
  ensureOtherBrowsers();
  must('pnpm', ['run', 'check']);
} else {
  // In this process rather than through `pnpm run demo:start`: Ctrl-C reaches every process of
  // the terminal, and a pnpm in between would report the interrupted script as failed
  // (ELIFECYCLE) while the demo stops cleanly. demo.mjs stops the servers and exits 0.
  Object.assign(process.env, env);
  await import('./demo.mjs');
}
