/**
 * Collects the keys asked for while the current work (a GraphQL list being resolved field by field)
 * runs, and answers them with one call: `load` for each key, `loadMany` once per batch, after the
 * pending promise jobs have run (setImmediate). Keys asked twice in a batch are passed once.
 */
export type Batcher<K, V> = { load(key: K): Promise<V | undefined> };

export const createBatcher = <K, V>(loadMany: (keys: K[]) => Promise<Map<K, V>>): Batcher<K, V> => {
  let pending: Array<{ key: K; resolve: (value: V | undefined) => void; reject: (error: unknown) => void }> = [];

  const flush = async () => {
    const batch = pending;
    pending = [];
    try {
      const values = await loadMany([...new Set(batch.map((entry) => entry.key))]);
      for (const entry of batch) entry.resolve(values.get(entry.key));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  };

  return {
    load: (key) =>
      new Promise((resolve, reject) => {
        if (pending.length === 0) setImmediate(flush);
        pending.push({ key, resolve, reject });
      }),
  };
};
