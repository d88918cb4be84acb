import { createBatcher } from './batch';

describe('batcher', () => {
  it('answers the keys asked for in the same turn with one call, each key passed once', async () => {
    const calls: number[][] = [];
    const batcher = createBatcher(async (keys: number[]) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== 3).map((k) => [k, `v${k}`]));
    });
    // Asked after a few promise jobs, as GraphQL resolvers of sibling list items are.
    const ask = async (key: number) => {
      await Promise.resolve();
      await Promise.resolve();
      return batcher.load(key);
    };
    expect(await Promise.all([ask(1), batcher.load(2), ask(1), ask(3)])).toEqual(['v1', 'v2', 'v1', undefined]);
    expect(calls).toEqual([[2, 1, 3]]);
    expect(await batcher.load(4)).toBe('v4');
    expect(calls).toEqual([[2, 1, 3], [4]]);
  });

  it('rejects every key of a failed batch and keeps working', async () => {
    let fail = true;
    const batcher = createBatcher(async (keys: string[]) => {
      if (fail) throw new Error('database down');
      return new Map(keys.map((k) => [k, k.length]));
    });
    const results = await Promise.allSettled([batcher.load('a'), batcher.load('bb')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await batcher.load('ccc')).toBe(3);
  });
});
