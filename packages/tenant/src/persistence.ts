import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelStore, ModelStoreSnapshot } from './adapter.js';
import type { Authenticator, MfaStore } from './mfa/MfaStore.js';
import type { StoredUser, UserStore } from './users/UserStore.js';

interface StateFile {
  version: 1;
  users: StoredUser[];
  models: ModelStoreSnapshot;
  /** MFA authenticators (absent in files of older versions). */
  mfa?: Authenticator[];
}

/** Saves a tenant's state (users, sessions, grants, tokens, MFA authenticators) to `dir/state.json`. */
export interface Persistence {
  /** Schedules a save soon (changes come in bursts; one write covers them). */
  schedule(): void;
  /** Writes now and waits; call before stopping. */
  flush(): Promise<void>;
}

/**
 * Loads `dir/state.json` into the stores (when it exists) and returns a {@link Persistence}
 * that writes them back. Writes go to a temporary file first, so a crash never leaves a
 * half-written state.
 */
export async function openPersistence(
  dir: string,
  stores: { users: UserStore; models: ModelStore; mfa?: MfaStore },
): Promise<Persistence> {
  const file = join(dir, 'state.json');
  await mkdir(dir, { recursive: true });
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as StateFile;
    stores.users.load(saved.users);
    stores.models.restore(saved.models);
    stores.mfa?.load(saved.mfa ?? []);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }

  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  const write = () => {
    timer = undefined;
    const state: StateFile = {
      version: 1,
      users: stores.users.list(),
      models: stores.models.snapshot(),
      mfa: stores.mfa?.snapshot(),
    };
    writing = writing.then(async () => {
      await writeFile(`${file}.tmp`, JSON.stringify(state), { mode: 0o600 });
      await rename(`${file}.tmp`, file);
    });
    return writing;
  };
  return {
    schedule() {
      timer ??= setTimeout(write, 50);
    },
    async flush() {
      if (timer) clearTimeout(timer);
      await write();
    },
  };
}
