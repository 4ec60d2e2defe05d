import type { Outcome } from '../outcome.js';
import type { Column, ScenarioResult } from '../scenarios/Scenario.js';
import type { AppSizes } from '../size/measureAppSizes.js';

/** One of Sesame's targets, as checked against the results. */
export interface TargetCheck {
  target: string;
  measured: string;
  /** `undefined` when it could not be checked (e.g. the scenario failed). */
  pass: boolean | undefined;
}

/** One scenario's outcome for every library. */
export interface ScenarioResults {
  id: string;
  number: string;
  title: string;
  description: string;
  columns: Column[];
  headline: { key: string; better: 'lower' | 'higher' };
  /** Per library id: the measurements, or the error that stopped the scenario. */
  results: Record<string, Outcome<ScenarioResult>>;
}

/** Everything one run of the benchmark produced: written as `RESULTS.json`, rendered as `RESULTS.md`. */
export interface BenchResults {
  /** ISO 8601 start time of the run. */
  date: string;
  durationSeconds: number;
  command: string;
  machine: { os: string; cpu: string; cores: number; memoryGb: number; node: string; chromium: string };
  /** Installed version of each measured package. */
  versions: Record<string, string>;
  libraries: { id: string; label: string }[];
  size: AppSizes[];
  scenarios: ScenarioResults[];
  targets: TargetCheck[];
  /** Facts about the run that a reader needs (configuration, unfinished parts). */
  notes: string[];
}
