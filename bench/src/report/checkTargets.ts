import { targets } from '../targets.js';
import type { BenchResults, TargetCheck } from './BenchResults.js';
import { formatBytes } from './formatBytes.js';

type Partial = Omit<BenchResults, 'targets'>;

/** Checks Sesame's targets (see `targets.ts`) against the measured results. */
export function checkTargets(results: Partial): TargetCheck[] {
  const sesameSize = results.size.find((entry) => entry.library === 'sesame');
  const checks: TargetCheck[] = [
    sizeCheck(`minimal app ≤ ${formatBytes(targets.coreGzip)} gzip`, sesameSize?.core, targets.coreGzip),
    sizeCheck(`with React ≤ ${formatBytes(targets.reactGzip)} gzip`, sesameSize?.react, targets.reactGzip),
  ];

  const cold = metric(results, 'cold-start', 'sesame', 'requests');
  checks.push({
    target: `cold start: ${targets.coldStartRequests} tenant requests`,
    measured: cold ? `max ${cold.max}` : unavailable(results, 'cold-start'),
    pass: cold ? cold.max <= targets.coldStartRequests : undefined,
  });

  for (const id of ['tabs-5', 'tabs-10']) {
    const refreshes = metric(results, id, 'sesame', 'refreshGrants');
    const reuse = metric(results, id, 'sesame', 'reuse');
    const invalid = metric(results, id, 'sesame', 'invalidGrant');
    const valid = metric(results, id, 'sesame', 'validTabs');
    const tabs = Number(id.split('-')[1]);
    const complete = refreshes && reuse && invalid && valid;
    checks.push({
      target: `${tabs} tabs: exactly 1 refresh per round, 0 reuse, 0 invalid_grant, all tabs valid`,
      measured: complete
        ? `refreshes ${refreshes.min}–${refreshes.max}, reuse max ${reuse.max}, invalid_grant max ${invalid.max}, valid tabs min ${valid.min}/${tabs}`
        : unavailable(results, id),
      pass: complete
        ? refreshes.min === 1 &&
          refreshes.max === 1 &&
          reuse.max === 0 &&
          invalid.max === 0 &&
          valid.min === tabs
        : undefined,
    });
  }

  const parallel = metric(results, 'parallel-forced', 'sesame', 'tokenRequests');
  const parallelFailures = metric(results, 'parallel-forced', 'sesame', 'failures');
  checks.push({
    target: `50 parallel forced calls → ${targets.parallelTokenRequests} token request`,
    measured: parallel
      ? `${parallel.min}–${parallel.max} token requests, max ${parallelFailures?.max ?? '?'} failed calls`
      : unavailable(results, 'parallel-forced'),
    pass: parallel
      ? parallel.max === targets.parallelTokenRequests && (parallelFailures?.max ?? 1) === 0
      : undefined,
  });

  const cached = metric(results, 'cached-token', 'sesame', 'callsPerSecond');
  const fastestCached = bestPeer(results, 'cached-token', 'callsPerSecond', 'higher');
  checks.push({
    target: `cached token ≥ ${targets.cachedCallsRatio}× calls/s of the fastest peer`,
    measured:
      cached && fastestCached
        ? `${cached.median.toFixed(0)} vs ${fastestCached.label} ${fastestCached.value.toFixed(0)} calls/s: ${(cached.median / fastestCached.value).toFixed(2)}×`
        : unavailable(results, 'cached-token'),
    pass:
      cached && fastestCached ? cached.median >= targets.cachedCallsRatio * fastestCached.value : undefined,
  });

  const coldMs = metric(results, 'cold-start', 'sesame', 'ms');
  const fastestCold = bestPeer(results, 'cold-start', 'ms', 'lower');
  checks.push({
    target: 'cold start no slower than the fastest peer',
    measured:
      coldMs && fastestCold
        ? `${coldMs.median.toFixed(1)} ms vs ${fastestCold.label} ${fastestCold.value.toFixed(1)} ms: ${signedMs(coldMs.median - fastestCold.value)} (${(coldMs.median / fastestCold.value).toFixed(2)}×)`
        : unavailable(results, 'cold-start'),
    pass: coldMs && fastestCold ? coldMs.median <= fastestCold.value : undefined,
  });
  return checks;
}

function sizeCheck(
  target: string,
  outcome: NonNullable<Partial['size'][number]>['core'] | undefined,
  budget: number,
) {
  if (!outcome) return { target, measured: 'not measured', pass: undefined };
  if (!outcome.ok) return { target, measured: `error: ${outcome.error}`, pass: false };
  return { target, measured: `${formatBytes(outcome.value.gzip)} gzip`, pass: outcome.value.gzip <= budget };
}

function metric(results: Partial, scenario: string, library: string, key: string) {
  const outcome = results.scenarios.find((entry) => entry.id === scenario)?.results[library];
  return outcome?.ok ? outcome.value.metrics[key] : undefined;
}

function unavailable(results: Partial, scenario: string): string {
  const outcome = results.scenarios.find((entry) => entry.id === scenario)?.results.sesame;
  if (!outcome) return 'not run';
  return outcome.ok ? 'incomplete' : `error: ${outcome.error}`;
}

/** The peer (not Sesame) with the best median of `key`. */
function bestPeer(results: Partial, scenario: string, key: string, better: 'lower' | 'higher') {
  let best: { label: string; value: number } | undefined;
  for (const library of results.libraries) {
    if (library.id === 'sesame') continue;
    const value = metric(results, scenario, library.id, key)?.median;
    if (value === undefined) continue;
    if (!best || (better === 'lower' ? value < best.value : value > best.value))
      best = { label: library.label, value };
  }
  return best;
}

function signedMs(ms: number): string {
  return ms <= 0 ? `${(-ms).toFixed(1)} ms faster` : `${ms.toFixed(1)} ms slower`;
}
