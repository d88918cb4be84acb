import Redis from 'ioredis';
import { decodeEntry, encodeEntry, type CachedResponse } from '../core/entry';
import { entryCache } from './memory';
import type { CacheStore } from './types';

/**
 * Shared by every instance: the generation is one Redis counter, entries are Redis strings with a
 * TTL under `<prefix>e:<generation>:<key hash>`. Each instance keeps a local copy of the entries it
 * has seen (same keys, so same generation): a hit then costs the single GET of the generation.
 */
export const redisStore = ({ url, prefix, ttlSeconds, localMaxBytes }: { url: string; prefix: string; ttlSeconds: number; localMaxBytes: number }): CacheStore & { connect(): Promise<void>; client: Redis } => {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, enableAutoPipelining: true, commandTimeout: 2000 });
  const generationKey = `${prefix}generation`;
  const entryKey = (gen: string, key: string) => `${prefix}e:${gen}:${key}`;
  const local = entryCache(localMaxBytes, ttlSeconds);
  return {
    kind: 'redis',
    client,
    async connect() {
      await client.connect();
    },
    async generation() {
      return (await client.get(generationKey)) ?? '0';
    },
    async get(gen, key) {
      const fullKey = entryKey(gen, key);
      const cached = local.get(fullKey);
      if (cached) return cached;
      const entry = decodeEntry(await client.get(fullKey));
      if (entry) local.set(fullKey, entry);
      return entry;
    },
    async set(gen, key, entry: CachedResponse) {
      const fullKey = entryKey(gen, key);
      await client.set(fullKey, encodeEntry(entry), 'EX', ttlSeconds);
      local.set(fullKey, entry);
    },
    async bump() {
      await client.incr(generationKey);
      local.clear();
    },
    async close() {
      local.clear();
      client.disconnect();
    },
  };
};
