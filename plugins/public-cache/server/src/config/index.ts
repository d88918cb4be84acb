import Joi from 'joi';

/** Settings of the public read cache; `config/plugins.ts` fills them from the environment. */
export interface PublicCacheConfig {
  /** Redis connection string; empty keeps the cache in this process's memory (one instance only). */
  redisUrl: string;
  /** Prefix of every Redis key, so several deployments (or test runs) can share one Redis. */
  keyPrefix: string;
  /** Seconds an entry lives at most; invalidation does not wait for it, it only bounds memory. */
  ttlSeconds: number;
  /** `max-age` sent to browsers and CDNs. 0 (the default) makes them revalidate every time with If-None-Match. */
  maxAgeSeconds: number;
  /** Memory budget of the in-process entries (the whole cache without Redis, a local copy with it). */
  memoryMaxBytes: number;
  /** Responses larger than this are not cached. */
  maxEntryBytes: number;
  /** Path prefixes never cached (per-person or side-effecting public endpoints). */
  excludedPaths: string[];
  /** Top-level query parameters that carry secrets: a request with one of them is never cached. */
  secretParameters: string[];
  /** Models whose writes cannot change a public response (`admin::*` style prefixes allowed). */
  ignoredModels: string[];
  /**
   * Answer cached GETs in front of Koa (fast-path.ts): several times the throughput, but those hits
   * skip Strapi's request log (log them at the reverse proxy). False serves every hit from the Koa middleware.
   */
  fastPath: boolean;
}

const schema = Joi.object<PublicCacheConfig>({
  redisUrl: Joi.string().allow('').required(),
  keyPrefix: Joi.string().min(1).required(),
  ttlSeconds: Joi.number().integer().min(1).required(),
  maxAgeSeconds: Joi.number().integer().min(0).required(),
  memoryMaxBytes: Joi.number().integer().min(1024).required(),
  maxEntryBytes: Joi.number().integer().min(1).required(),
  excludedPaths: Joi.array().items(Joi.string()).required(),
  secretParameters: Joi.array().items(Joi.string()).required(),
  ignoredModels: Joi.array().items(Joi.string()).required(),
  fastPath: Joi.boolean().required(),
});

export default {
  default: {
    redisUrl: '',
    keyPrefix: 'public-cache:',
    ttlSeconds: 3600,
    maxAgeSeconds: 0,
    memoryMaxBytes: 64 * 1024 * 1024,
    maxEntryBytes: 2 * 1024 * 1024,
    // users-permissions' auth and account routes, the deadlines intake/status/fees (POST anyway, and per applicant).
    excludedPaths: ['/api/auth', '/api/connect', '/api/users', '/api/deadlines'],
    secretParameters: ['access_token', 'token', 'secret', 'password', 'apiKey', 'api_key', 'key', 'signature', 'code', 'confirmation', 'trackingCode', 'idNumber'],
    // Admin accounts, sessions and tokens never show in a public response; their writes (every login) must not flush the cache.
    ignoredModels: ['admin::*'],
    fastPath: true,
  } satisfies PublicCacheConfig,
  validator(config: unknown) {
    const { error } = schema.validate(config, { abortEarly: false });
    if (error) throw new Error(`public-cache plugin config: ${error.message}`);
  },
};
