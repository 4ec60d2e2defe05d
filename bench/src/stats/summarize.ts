/** Median, min and max of repeated samples. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  /** How many samples. */
  n: number;
}

/**
 * Summarizes samples; the median of an even count is the mean of the middle two.
 * @throws TypeError when `samples` is empty
 */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new TypeError('summarize: samples must not be empty');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, n: sorted.length };
}
