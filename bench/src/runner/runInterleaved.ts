import type { Library } from '../libraries.js';
import { attempt, type Outcome } from '../outcome.js';
import type { Scenario, ScenarioContext, ScenarioResult, Trials } from '../scenarios/Scenario.js';

/**
 * Runs an interleavable scenario for every library that has a page: trial i of each library,
 * starting with a different library every time, before trial i + 1.
 * @returns per library id, its result or the error that stopped it; libraries without a page are absent
 */
export async function runInterleaved(
  interleaved: NonNullable<Scenario['interleaved']>,
  libraries: Library[],
  pageUrls: Map<string, string>,
  contextOf: (library: Library, pageUrl: string) => ScenarioContext,
): Promise<Map<string, Outcome<ScenarioResult>>> {
  const outcomes = new Map<string, Outcome<ScenarioResult>>();
  const open: { id: string; trials: Trials }[] = [];
  let count = 0;
  for (const library of libraries) {
    const pageUrl = pageUrls.get(library.id);
    if (!pageUrl) continue;
    const context = contextOf(library, pageUrl);
    count = Math.max(count, interleaved.trials(context));
    const opened = await attempt(() => interleaved.open(context));
    if (opened.ok) open.push({ id: library.id, trials: opened.value });
    else outcomes.set(library.id, opened);
  }
  for (let index = -1; index < count; index++) {
    for (let k = 0; k < open.length; k++) {
      const entry = open[(k + Math.max(index, 0)) % open.length]!;
      await entry.trials.run(index);
    }
  }
  for (const { id, trials } of open) outcomes.set(id, await attempt(() => trials.finish()));
  return outcomes;
}
