import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  /** Epoch milliseconds; `undefined` for no expiry. */
  expiresAt: number | undefined;
}

/** The saved form of a {@link ModelStore}: model name → id → entry. */
export type ModelStoreSnapshot = Record<string, Record<string, Entry>>;

/**
 * Everything oidc-provider stores (sessions, interactions, grants, codes, tokens), in
 * memory, one map per model. It can be dumped to and restored from a snapshot (for
 * `--data DIR`) and cleared (for `POST /__dev/reset`).
 */
export class ModelStore {
  readonly #models = new Map<string, Map<string, Entry>>();
  readonly #onChange: () => void;
  readonly #now: () => number;

  /**
   * Creates an empty store.
   *
   * @param onChange - called after every write (e.g. to schedule a save).
   * @param now - the clock, epoch milliseconds.
   */
  constructor(onChange: () => void = () => {}, now: () => number = Date.now) {
    this.#onChange = onChange;
    this.#now = now;
  }

  #model(name: string): Map<string, Entry> {
    let model = this.#models.get(name);
    if (!model) {
      model = new Map();
      this.#models.set(name, model);
    }
    return model;
  }

  #live(model: Map<string, Entry>, id: string): Entry | undefined {
    const entry = model.get(id);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= this.#now()) {
      model.delete(id);
      return undefined;
    }
    return entry;
  }

  /** An oidc-provider adapter for one model (pass `(name) => store.adapter(name)` as `adapter`). */
  adapter(name: string): Adapter {
    const model = this.#model(name);
    const findWhere = (match: (payload: AdapterPayload) => boolean) => {
      for (const [id, entry] of model) {
        if (match(entry.payload)) return this.#live(model, id)?.payload;
      }
      return undefined;
    };
    return {
      upsert: async (id, payload, expiresIn) => {
        model.set(id, { payload, expiresAt: expiresIn ? this.#now() + expiresIn * 1000 : undefined });
        this.#onChange();
      },
      find: async (id) => this.#live(model, id)?.payload,
      findByUid: async (uid) => findWhere((payload) => payload.uid === uid),
      findByUserCode: async (userCode) => findWhere((payload) => payload.userCode === userCode),
      consume: async (id) => {
        const entry = this.#live(model, id);
        if (entry) {
          entry.payload.consumed = Math.floor(this.#now() / 1000);
          this.#onChange();
        }
      },
      destroy: async (id) => {
        if (model.delete(id)) this.#onChange();
      },
      revokeByGrantId: async (grantId) => {
        for (const [id, entry] of model) {
          if (entry.payload.grantId === grantId) model.delete(id);
        }
        this.#onChange();
      },
    };
  }

  /** How many live entries a model has (e.g. `count('Session')`). */
  count(name: string): number {
    const model = this.#model(name);
    for (const id of model.keys()) this.#live(model, id);
    return model.size;
  }

  /** Drops every session, interaction, grant, code and token. */
  clear(): void {
    for (const model of this.#models.values()) model.clear();
    this.#onChange();
  }

  /** The live entries, for saving. */
  snapshot(): ModelStoreSnapshot {
    const out: ModelStoreSnapshot = {};
    for (const [name, model] of this.#models) {
      const entries: Record<string, Entry> = {};
      for (const id of model.keys()) {
        const entry = this.#live(model, id);
        if (entry) entries[id] = entry;
      }
      out[name] = entries;
    }
    return out;
  }

  /** Restores a {@link ModelStore.snapshot}. */
  restore(snapshot: ModelStoreSnapshot): void {
    for (const [name, entries] of Object.entries(snapshot)) {
      const model = this.#model(name);
      for (const [id, entry] of Object.entries(entries)) model.set(id, entry);
    }
  }
}
