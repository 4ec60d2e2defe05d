import { auth, inThisTab } from '@sesame/demo-shared';
import { useCallback, useState } from 'react';

/**
 * Runs a page's async action (a sign-in it makes is this tab's own, see `inThisTab`): `busy`
 * while it runs, and its failure in `error`, unless it is a login failure the core already
 * published as the session's error (the layout shows that one).
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await inThisTab(action);
    } catch (e) {
      if (e !== auth.getSnapshot().error) setError(e);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
