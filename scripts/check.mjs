#!/usr/bin/env node
// `pnpm check`, what `npm test` runs once installed: every check of the repository, each still a
// script of its own in package.json (`pnpm lint`, `pnpm test:e2e`, ...). The unit tests start at
// once (they run on the TypeScript sources), beside lint and build, which the other steps wait for
// (they need the build). Then the end-to-end suite starts, as it takes longest and spends most of
// its time waiting on browsers and servers; it and the unit tests bound what they wait for in real
// time, so they keep the normal CPU priority. The steps with no
// time bound (type checks, docs, packages, sizes) run beside them two at a time at a lower
// priority, so that on a small machine they use the time the tests leave idle without slowing the
// tests down. The suite's output is shown as it comes; each other step's output is shown whole
// when it ends. A table of the steps' times closes the run.
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const first = ['lint', 'build'];
const live = 'test:e2e';
const timed = 'test:unit';
/** Longest first, so that the last one to end is short. */
const beside = ['typecheck', 'docs:check', 'check:packages', 'size'];
const besideAtOnce = 2;
const lowPriority = 10;

/** @type {{ name: string, ok: boolean, seconds: number }[]} */
const results = [];
const started = Date.now();

/**
 * Runs `pnpm run <name>` in the repository root; resolves once it ends. `show` gets the output:
 * line by line for the live step, whole at the end for the others.
 */
function runStep(name, { priority = 0, streamed = false } = {}) {
  return new Promise((resolve) => {
    const start = Date.now();
    const child = spawn('pnpm', ['run', name], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    if (priority && child.pid) {
      try {
        setPriority(child.pid, priority);
      } catch {
        // Not permitted here: the step runs at normal priority.
      }
    }
    let output = '';
    let partial = '';
    const take = (chunk) => {
      if (!streamed) {
        output += chunk;
        return;
      }
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
    };
    child.stdout.setEncoding('utf8').on('data', take);
    child.stderr.setEncoding('utf8').on('data', take);
    child.on('error', (error) => {
      output += `${error.message}\n`;
    });
    child.on('close', (code) => {
      const seconds = (Date.now() - start) / 1000;
      const ok = code === 0;
      if (partial) process.stdout.write(`${partial}\n`);
      const rule = `── ${name}: ${ok ? 'passed' : `FAILED (exit code ${code})`} in ${seconds.toFixed(1)} s`;
      process.stdout.write(
        streamed ? `${rule}\n` : `\n${rule}\n${output}${output.endsWith('\n') ? '' : '\n'}`,
      );
      results.push({ name, ok, seconds });
      resolve(ok);
    });
  });
}

/** Runs `names` with at most `atOnce` running at the same time. */
async function pool(names, atOnce, options) {
  const queue = [...names];
  const worker = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) await runStep(name, options);
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, names.length) }, worker));
}

function summary() {
  const width = Math.max(...results.map((r) => r.name.length));
  console.log('\n[check] step times');
  for (const r of results)
    console.log(
      `  ${r.name.padEnd(width)}  ${r.seconds.toFixed(1).padStart(6)} s  ${r.ok ? 'ok' : 'FAILED'}`,
    );
  console.log(`  ${'total'.padEnd(width)}  ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s`);
  const failed = results.filter((r) => !r.ok).map((r) => r.name);
  if (failed.length) console.error(`[check] failed: ${failed.join(', ')}`);
  return failed.length ? 1 : 0;
}

const unit = runStep(timed);
if ((await Promise.all(first.map((name) => runStep(name)))).every(Boolean)) {
  await Promise.all([
    runStep(live, { streamed: true }),
    unit,
    pool(beside, besideAtOnce, { priority: lowPriority }),
  ]);
} else {
  await unit;
}
process.exitCode = summary();
