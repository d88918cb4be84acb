import { LRUCache } from 'lru-cache';
import type { CachedResponse } from '../core/entry';
import type { CacheStore } from './types';

export const entryCache = (maxBytes: number, ttlSeconds: number) =>
  new LRUCache<string, CachedResponse>({
    maxSize: maxBytes,
    sizeCalculation: (entry) => entry.body.length * 2 + entry.etag.length + entry.contentType.length + 64,
    ttl: ttlSeconds * 1000,
  });

/** One process only: the generation is a counter in memory, entries an LRU bounded in bytes. */
export const memoryStore = ({ maxBytes, ttlSeconds }: { maxBytes: number; ttlSeconds: number }): CacheStore => {
  let generation = 0;
  const entries = entryCache(maxBytes, ttlSeconds);
  return {
    kind: 'memory',
    async generation() {
      return String(generation);
    },
    async get(gen, key) {
      return entries.get(`${gen}:${key}`);
    },
    async set(gen, key, entry) {
      // A write may have bumped while this response was computed: keep only current-generation entries.
      if (gen !== String(generation)) return;
      entries.set(`${gen}:${key}`, entry);
    },
    async bump() {
      generation += 1;
      entries.clear();
    },
    async close() {
      entries.clear();
    },
  };
};
