import type { Core } from '@strapi/strapi';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const bodyParser = require('koa-bodyparser') as () => (ctx: unknown, next: () => Promise<void>) => Promise<void>;
import { PLUGIN } from '../constants';
import { etagOf, isCacheableGraphqlBody } from '../core/entry';
import { classifyRequest, matchesEtag, type PolicySettings } from '../core/request-policy';
import type { CacheService } from '../services/cache';

type Ctx = {
  method: string;
  path: string;
  querystring: string;
  status: number;
  body: unknown;
  type: string;
  request: { body?: unknown };
  response: { get(name: string): string };
  get(name: string): string;
  set(name: string, value: string): void;
  remove(name: string): void;
};

/**
 * App-level Koa middleware (config/middlewares.ts, after strapi::cors and poweredBy): answers cached anonymous
 * public reads before routing, authentication, the controllers and the database, and fills the
 * cache from the responses it lets through. Writes wait here until their invalidation is done.
 */
const serve = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const cache = () => strapi.plugin(PLUGIN).service('cache') as CacheService;
  const policy = (): PolicySettings => {
    const settings = cache().settings;
    return {
      restPrefix: (strapi.config.get('api.rest.prefix') as string) || '/api',
      graphqlEndpoint: (strapi.config.get('plugin::graphql.endpoint') as string) || '/graphql',
      excludedPaths: settings.excludedPaths,
      secretParameters: settings.secretParameters,
    };
  };
  let settings: PolicySettings | null = null;
  const inflight = new Map<string, Promise<void>>();
  // Some public answers depend on today (the register of currently valid regulations, in force
  // "now"): the day in Asia/Shanghai is part of every key, so no answer outlives its day.
  const dayFormat = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  let day = { value: '', until: 0 };
  const today = () => {
    const now = Date.now();
    if (now >= day.until) day = { value: dayFormat.format(now), until: now + 1000 };
    return day.value;
  };
  // Strapi's body middleware leaves GraphQL to the plugin's own parser (koa-bodyparser, defaults);
  // the same parser here gives the same answers, and the plugin's skips an already parsed body.
  const parseBody = bodyParser();

  return async (ctx: Ctx, next: () => Promise<unknown>) => {
    settings ??= policy();
    if (ctx.method === 'POST' && ctx.path === settings.graphqlEndpoint && ctx.request.body === undefined && !ctx.get('authorization')) {
      await parseBody(ctx, async () => {});
    }
    const candidate = classifyRequest(
      {
        method: ctx.method,
        path: ctx.path,
        querystring: ctx.querystring,
        hasAuthorization: !!ctx.get('authorization'),
        body: ctx.request.body,
      },
      settings
    );
    const service = cache();

    if (!candidate || candidate.kind === 'bypass') {
      if (candidate) service.stats.bypasses += 1;
      await next();
      // A write's response leaves only once its invalidation has reached the store.
      if (service.hasPending()) await service.settle();
      return;
    }

    const cacheControl = `public, max-age=${service.settings.maxAgeSeconds}, must-revalidate`;
    const generation = await service.generation();
    if (generation === null) return next();

    const key = `${today()} ${candidate.key}`;
    // Concurrent misses of one answer (a spike on a page just invalidated) wait for the first one
    // instead of all running the query. Same generation only: they all started before any write
    // that could make the first one's answer old had completed.
    const flight = `${generation} ${key}`;
    let hit = await service.lookup(generation, key);
    if (!hit && inflight.has(flight)) {
      await inflight.get(flight);
      hit = await service.lookup(generation, key);
    }
    if (hit) {
      service.stats.hits += 1;
      ctx.set('ETag', hit.etag);
      ctx.set('Cache-Control', cacheControl);
      ctx.set('Vary', 'Authorization');
      ctx.set('X-Cache', 'HIT');
      if (matchesEtag(ctx.get('if-none-match'), hit.etag)) {
        ctx.status = 304;
        return;
      }
      ctx.status = 200;
      ctx.type = hit.contentType;
      ctx.body = hit.body;
      return;
    }

    service.stats.misses += 1;
    const leads = !inflight.has(flight);
    let release = () => {};
    if (leads) inflight.set(flight, new Promise<void>((resolve) => (release = resolve)));
    try {
      await next();
      await fill(ctx, candidate.kind, generation, key, cacheControl, service);
    } finally {
      if (leads) {
        inflight.delete(flight);
        release();
      }
    }
  };
};

/** Stores a cacheable answer and gives it its validators (a 304 when the client already has it). */
const fill = async (ctx: Ctx, kind: 'rest' | 'graphql', generation: string, key: string, cacheControl: string, service: CacheService) => {
  if (ctx.status !== 200 || ctx.body == null || ctx.response.get('set-cookie')) return;
  let body: string;
  if (typeof ctx.body === 'string') body = ctx.body;
  else if (Buffer.isBuffer(ctx.body) || typeof (ctx.body as { pipe?: unknown }).pipe === 'function') return;
  else {
    body = JSON.stringify(ctx.body);
    ctx.body = body;
    ctx.type = 'application/json';
  }
  if (kind === 'graphql' && !isCacheableGraphqlBody(body)) return;

  const etag = etagOf(body);
  const contentType = ctx.response.get('content-type') || 'application/json; charset=utf-8';
  await service.save(generation, key, { etag, contentType, body });
  ctx.set('ETag', etag);
  ctx.set('Cache-Control', cacheControl);
  ctx.set('Vary', 'Authorization');
  ctx.set('X-Cache', 'MISS');
  if (matchesEtag(ctx.get('if-none-match'), etag)) {
    ctx.status = 304;
    ctx.body = null;
  }
};

export default serve;
