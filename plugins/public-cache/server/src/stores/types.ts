import type { CachedResponse } from '../core/entry';

/**
 * Where entries and the generation live. The generation is part of every entry's key: a write
 * bumps it, so every entry written before is unreachable at once (on every instance with Redis).
 */
export interface CacheStore {
  readonly kind: 'memory' | 'redis';
  /** The current generation; one round trip with Redis. */
  generation(): Promise<string>;
  get(generation: string, key: string): Promise<CachedResponse | undefined>;
  set(generation: string, key: string, entry: CachedResponse): Promise<void>;
  /** Makes every entry stored so far unreachable. */
  bump(): Promise<void>;
  close(): Promise<void>;
}
