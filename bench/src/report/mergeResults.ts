import type { BenchResults } from './BenchResults.js';

type Untargeted = Omit<BenchResults, 'targets'>;

/**
 * The results of a run of some scenarios (`--scenarios … --merge`) written into those of an earlier
 * full run: each scenario of `run` replaces the earlier one of the same id (or is added after the
 * others); everything else (size, other scenarios, machine, date) stays the earlier run's, the
 * run's notes that are new are added, and a note says which scenarios come from which run, when,
 * and under what load. The targets are for
 * the caller to check again.
 */
export function mergeResults(previous: Untargeted, run: Untargeted): Untargeted {
  const fresh = new Map(run.scenarios.map((scenario) => [scenario.id, scenario]));
  const scenarios = [
    ...previous.scenarios.map((scenario) => fresh.get(scenario.id) ?? scenario),
    ...run.scenarios.filter((scenario) => !previous.scenarios.some(({ id }) => id === scenario.id)),
  ];
  const load = run.notes.find((note) => note.startsWith('Load average'));
  const note =
    `Scenario${fresh.size > 1 ? 's' : ''} ${[...fresh.keys()].map((id) => `\`${id}\``).join(', ')} ` +
    `${fresh.size > 1 ? 'come' : 'comes'} from a ` +
    `later run, \`${run.command}\`, on ${run.date} (${Math.round(run.durationSeconds)} s), merged into this ` +
    `one's results${load ? `. ${load}` : ''}`;
  return {
    ...previous,
    versions: { ...previous.versions, ...run.versions },
    scenarios,
    // The run's own notes not already there (a library's note new since), then where the merged scenarios come from.
    notes: [...previous.notes, ...run.notes.filter((n) => n !== load && !previous.notes.includes(n)), note],
  };
}
