import type { Browser } from '@playwright/test';
import type { Library } from '../libraries.js';
import type { Summary } from '../stats/summarize.js';
import type { BenchTenant } from '../tenant/startBenchTenant.js';

/** Everything a scenario needs to drive one library. */
export interface ScenarioContext {
  browser: Browser;
  library: Library;
  /** The adapter page, e.g. `http://127.0.0.1:5301/`. */
  pageUrl: string;
  tenant: BenchTenant;
  /** Multiplier of the default repetitions (1 for the full run, less with `--quick`). */
  scale: number;
  /** Why an access token is not valid at the tenant, or `undefined` when it is. */
  checkToken(token: string): Promise<string | undefined>;
}

/** `base` repetitions scaled by the run's `scale`, at least `min`. */
export function repeats(context: ScenarioContext, base: number, min = 2): number {
  return Math.max(min, Math.round(base * context.scale));
}

/** A column of a scenario's table. */
export interface Column {
  key: string;
  label: string;
  /** Printed after the number: `ms`, `calls/s`, ... */
  unit?: string;
  /** How many decimals the table shows. Default 0. */
  digits?: number;
}

/**
 * What one scenario measured for one library. `metrics` maps a column key to the summary of
 * its samples; `errors` lists distinct failures (a scenario may partly fail and still report).
 */
export interface ScenarioResult {
  metrics: Record<string, Summary>;
  errors: string[];
  /** Free-form facts worth a line under the table. */
  notes?: string[];
  /** Set when the headline cannot be compared (e.g. every call failed): printed instead of the ratio. */
  incomparable?: string;
}

/** One scenario of the benchmark: how to run it and how to print it. */
export interface Scenario {
  id: string;
  /** Its number in the list, e.g. `7a`; printed in the report's headings. */
  number: string;
  title: string;
  /** One paragraph for the report: what is measured, and how. */
  description: string;
  columns: Column[];
  /** The column compared across libraries, and which direction is better. */
  headline: { key: string; better: 'lower' | 'higher' };
  run(context: ScenarioContext): Promise<ScenarioResult>;
  /**
   * The same scenario as repeated trials, which the runner interleaves across libraries
   * (trial i of every library, in rotating order, before trial i + 1) so that drift on a busy
   * machine falls on every library alike. Given for scenarios whose figures are close calls.
   */
  interleaved?: {
    /** How many measured trials (one unmeasured warm-up trial, index -1, comes first). */
    trials(context: ScenarioContext): number;
    open(context: ScenarioContext): Promise<Trials>;
  };
}

/** An opened interleavable scenario for one library. */
export interface Trials {
  /** Runs trial `index`; -1 is the unmeasured warm-up. Failures of one trial are recorded, not thrown. */
  run(index: number): Promise<void>;
  /** Closes what was opened and returns the result. */
  finish(): Promise<ScenarioResult>;
}

/** Runs an interleavable scenario's trials one after another, for a library on its own. */
export async function runTrials(
  interleaved: NonNullable<Scenario['interleaved']>,
  context: ScenarioContext,
): Promise<ScenarioResult> {
  const trials = await interleaved.open(context);
  // Trials record their own failures, so finish() (which closes what open() opened) always runs.
  for (let index = -1; index < interleaved.trials(context); index++) await trials.run(index);
  return trials.finish();
}
