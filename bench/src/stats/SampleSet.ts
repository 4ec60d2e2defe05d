import type { ScenarioResult } from '../scenarios/Scenario.js';
import { summarize } from './summarize.js';

/** Collects the samples and errors of one scenario run, then turns them into a {@link ScenarioResult}. */
export class SampleSet {
  readonly #samples = new Map<string, number[]>();
  readonly #errors = new Set<string>();
  readonly #notes: string[] = [];
  #incomparable: string | undefined;

  /** Adds one sample of the column `key`. */
  add(key: string, value: number): void {
    const list = this.#samples.get(key) ?? [];
    list.push(value);
    this.#samples.set(key, list);
  }

  /** Records a failure (distinct messages are kept once). */
  error(message: string): void {
    this.#errors.add(message);
  }

  /** Marks the headline as not comparable with other libraries, saying why. */
  incomparable(reason: string): void {
    this.#incomparable = reason;
  }

  /** The samples of `key` so far (empty when none). */
  samples(key: string): readonly number[] {
    return this.#samples.get(key) ?? [];
  }

  /** Adds a line printed under the table. */
  note(text: string): void {
    this.#notes.push(text);
  }

  /**
   * The result: a summary per column that has samples.
   * @throws the first error when nothing at all was measured, so the scenario is reported as failed
   */
  result(): ScenarioResult {
    const errors = [...this.#errors];
    if (this.#samples.size === 0) throw new Error(errors[0] ?? 'no samples');
    const metrics = Object.fromEntries([...this.#samples].map(([key, values]) => [key, summarize(values)]));
    return {
      metrics,
      errors,
      ...(this.#notes.length ? { notes: this.#notes } : {}),
      ...(this.#incomparable ? { incomparable: this.#incomparable } : {}),
    };
  }
}
