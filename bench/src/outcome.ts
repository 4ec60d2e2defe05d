/** A measurement that either worked or failed with a message; failures are reported, not dropped. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** Runs `task` and turns a throw into a failed {@link Outcome} carrying the error's message. */
export async function attempt<T>(task: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await task() };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

/** A one-line message for any thrown value. */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]?.slice(0, 300) ?? 'unknown error';
}
