import type { AuthClient } from '@sesame/core';

// Sign-ins and sign-outs of this tab under way; their changes are not another tab's.
let ownChanges = 0;

/**
 * Runs one of this tab's own sign-ins or sign-outs (a popup login, a logout), so that
 * {@link watchOtherTabs} does not report the change it makes as another tab's.
 */
export async function inThisTab<T>(action: () => Promise<T>): Promise<T> {
  ownChanges++;
  try {
    return await action();
  } finally {
    ownChanges--;
  }
}

/**
 * Tells when another tab signed in or out. The core keeps tabs in step over a
 * BroadcastChannel and publishes the new state in every tab's store; a change that this tab
 * did not make itself is another tab's. Start it once the first session check is over.
 * `show` gets the notice, then `undefined` once it has been on screen long enough.
 *
 * @returns The function that stops watching.
 */
export function watchOtherTabs(client: AuthClient, show: (notice: string | undefined) => void): () => void {
  let status = client.getSnapshot().status;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = client.subscribe(() => {
    const previous = status;
    status = client.getSnapshot().status;
    if (status === previous || status === 'loading' || previous === 'loading' || ownChanges > 0) return;
    show(status === 'authenticated' ? 'Signed in in another tab' : 'Signed out in another tab');
    clearTimeout(timer);
    timer = setTimeout(() => show(undefined), 8000);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
