import type { Core } from '@strapi/strapi';
import type { PublicCacheConfig } from '../config';
import { CONFIG_KEY } from '../constants';
import { hashKey, type CachedResponse } from '../core/entry';
import { isIgnoredModel } from '../core/request-policy';
import { memoryStore } from '../stores/memory';
import { redisStore } from '../stores/redis';
import type { CacheStore } from '../stores/types';

/**
 * The cache and its invalidation. Every write that can change a public response bumps one global
 * generation (part of every key), after the write's transaction has committed, and the write's
 * HTTP response waits for the bump: once a write has completed, no instance can find an entry of
 * the content before it. One generation for all types is deliberately coarse — a relation change
 * reaches every response that populates it without knowing the response's shape — at the price of
 * flushing everything on any write. Public sites read far more than departments write.
 */
const cache = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = strapi.config.get(CONFIG_KEY) as PublicCacheConfig;
  let store: CacheStore | null = null;
  const pending = new Set<Promise<void>>();
  const scheduledTransactions = new WeakSet<object>();
  const stats = { hits: 0, fastHits: 0, misses: 0, stores: 0, bypasses: 0, bumps: 0, errors: 0 };

  const log = (message: string, error?: unknown) => {
    stats.errors += 1;
    strapi.log.error(`[public-cache] ${message}${error instanceof Error ? `: ${error.message}` : ''}`);
  };

  /** Bumps until it succeeds (a few tries): a lost bump would leave stale entries reachable. */
  const bump = async () => {
    if (!store) return;
    for (let attempt = 1; ; attempt++) {
      try {
        await store.bump();
        stats.bumps += 1;
        return;
      } catch (error) {
        if (attempt >= 5) return log('could not invalidate (generation bump failed)', error);
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  };

  // Some public answers depend on today (the register of currently valid regulations, in force
  // "now"): the day in Asia/Shanghai is part of every key, so no answer outlives its day.
  const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
  let day = { value: '', until: 0 };
  const today = () => {
    const now = Date.now();
    if (now >= day.until) day = { value: dayFormat.format(now), until: now + 1000 };
    return day.value;
  };

  // Hashing the same few hundred hot keys on every hit adds up; remember the last ones.
  const hashes = new Map<string, string>();
  const hashOf = (key: string) => {
    let hash = hashes.get(key);
    if (hash === undefined) {
      if (hashes.size >= 10000) hashes.clear();
      hashes.set(key, (hash = hashKey(key)));
    }
    return hash;
  };

  const track = (promise: Promise<void>) => {
    pending.add(promise);
    promise.finally(() => pending.delete(promise));
    return promise;
  };

  return {
    settings,
    stats,
    cacheControl: `public, max-age=${settings.maxAgeSeconds}, must-revalidate`,

    async start() {
      if (settings.redisUrl) {
        const redis = redisStore({ url: settings.redisUrl, prefix: settings.keyPrefix, ttlSeconds: settings.ttlSeconds, localMaxBytes: settings.memoryMaxBytes });
        redis.client.on('error', (error) => strapi.log.warn(`[public-cache] redis: ${error.message}`));
        await redis.connect();
        store = redis;
      } else {
        store = memoryStore({ maxBytes: settings.memoryMaxBytes, ttlSeconds: settings.ttlSeconds });
      }
      strapi.log.info(`[public-cache] ${store.kind} store`);
    },

    async stop() {
      await Promise.allSettled([...pending]);
      await store?.close();
      store = null;
    },

    kind: () => store?.kind ?? null,

    /** The generation to read and fill under, or null when the store cannot answer (then the request just goes through). */
    async generation(): Promise<string | null> {
      if (!store) return null;
      try {
        return await store.generation();
      } catch (error) {
        log('generation read failed, serving uncached', error);
        return null;
      }
    },

    /**
     * The key of an answer: the request's own key (core/request-policy), the day, and the Origin
     * header, whose CORS headers the entry replays.
     */
    entryKey: (requestKey: string, origin: string | undefined) => `${today()} ${requestKey}${origin ? ` ${origin}` : ''}`,

    async lookup(generation: string, key: string): Promise<CachedResponse | undefined> {
      try {
        return await store?.get(generation, hashOf(key));
      } catch (error) {
        log('read failed', error);
        return undefined;
      }
    },

    /** The stored answer for a request key under the current generation, if any (the fast path's whole lookup). */
    async cachedAnswer(requestKey: string, origin: string | undefined): Promise<CachedResponse | undefined> {
      const generation = await this.generation();
      if (generation === null) return undefined;
      return this.lookup(generation, this.entryKey(requestKey, origin));
    },

    async save(generation: string, key: string, entry: CachedResponse) {
      if (entry.body.length > settings.maxEntryBytes) return;
      try {
        await store?.set(generation, hashOf(key), entry);
        stats.stores += 1;
      } catch (error) {
        log('write failed', error);
      }
    },

    isIgnoredModel: (uid: string) => isIgnoredModel(uid, settings.ignoredModels),

    /**
     * Called after a write. Inside a transaction the bump waits for the commit (a bump before it
     * would let a concurrent read cache the pre-commit rows under the new generation); one bump per
     * transaction however many rows it writes. Outside one, the write is committed: bump now.
     */
    async afterWrite() {
      if (!store) return;
      if (strapi.db.inTransaction()) {
        // A nested transaction() call shares the outer one's commit callbacks: this registers on the real commit.
        await strapi.db.transaction(async ({ trx, onCommit }) => {
          if (scheduledTransactions.has(trx)) return;
          scheduledTransactions.add(trx);
          onCommit(() => {
            track(bump());
          });
        });
        return;
      }
      await track(bump());
    },

    /** Waits for the bumps started by committed writes (commit callbacks are not awaited by Strapi). */
    async settle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },

    hasPending: () => pending.size > 0,

    /** Invalidates everything now (for code that writes with raw SQL). */
    async invalidate() {
      await track(bump());
    },
  };
};

export type CacheService = ReturnType<typeof cache>;
export default cache;
