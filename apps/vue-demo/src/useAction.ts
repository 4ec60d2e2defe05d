import { auth, inThisTab } from '@sesame/demo-shared';
import { ref, shallowRef } from 'vue';

/**
 * Runs a page's async action (a sign-in it makes is this tab's own, see `inThisTab`): `busy`
 * while it runs, and its failure in `error`, unless it is a login failure the core already
 * published as the session's error (App.vue shows that one).
 */
export function useAction() {
  const busy = ref(false);
  const error = shallowRef<unknown>();
  async function run(action: () => Promise<void>) {
    busy.value = true;
    error.value = undefined;
    try {
      await inThisTab(action);
    } catch (e) {
      if (e !== auth.getSnapshot().error) error.value = e;
    } finally {
      busy.value = false;
    }
  }
  return { busy, error, run };
}
