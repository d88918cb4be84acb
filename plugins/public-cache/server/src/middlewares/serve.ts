import type { Core } from '@strapi/strapi';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const bodyParser = require('koa-bodyparser') as () => (ctx: unknown, next: () => Promise<void>) => Promise<void>;
import { PLUGIN } from '../constants';
import { etagOf, isCacheableGraphqlBody, replayableHeaders, withVary, type CachedResponse } from '../core/entry';
import { classifyRequest, matchesEtag, type PolicySettings } from '../core/request-policy';
import { PREREAD_BODY, type PrereadRequest } from '../fast-path';
import type { CacheService } from '../services/cache';

type Ctx = {
  method: string;
  path: string;
  querystring: string;
  status: number;
  body: unknown;
  type: string;
  req: PrereadRequest;
  request: { body?: unknown; rawBody?: string };
  response: { get(name: string): string; headers: Record<string, unknown> };
  get(name: string): string;
  set(name: string, value: string): void;
  set(headers: Record<string, string>): void;
};

/** Strapi's error shape, for the one error this middleware answers itself (it runs before strapi::errors). */
const badRequest = (message: string) => ({ data: null, error: { status: 400, name: 'BadRequestError', message, details: { code: 'GRAPHQL_BODY_INVALID' } } });

/** Puts a cached answer on the response: its replayed headers, then the cache's own. */
export const answerFromCache = (ctx: Ctx, hit: CachedResponse, cacheControl: string) => {
  ctx.set(hit.headers);
  ctx.set('Vary', withVary(hit.headers.vary, 'Authorization'));
  ctx.set('ETag', hit.etag);
  ctx.set('Cache-Control', cacheControl);
  ctx.set('X-Cache', 'HIT');
  if (matchesEtag(ctx.get('if-none-match'), hit.etag)) {
    ctx.status = 304;
    return;
  }
  ctx.status = 200;
  ctx.type = hit.contentType;
  ctx.body = hit.body;
};

/**
 * App-level Koa middleware, first in config/middlewares.ts: answers cached anonymous public reads
 * before the logger, security headers, CORS, routing, authentication, the controllers and the
 * database (a hit replays the headers those gave the first answer), and fills the cache from the
 * responses it lets through. Hits are mostly answered even earlier, by the fast path in front of
 * Koa (fast-path.ts); this one serves whatever the fast path let through.
 * Writes wait here until their invalidation is done.
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
  // Strapi's body middleware leaves GraphQL to the plugin's own parser (koa-bodyparser, defaults);
  // the same parser here gives the same answers, and the plugin's skips an already parsed body.
  const parseBody = bodyParser();

  return async (ctx: Ctx, next: () => Promise<unknown>) => {
    settings ??= policy();
    if (ctx.method === 'POST' && ctx.path === settings.graphqlEndpoint && ctx.request.body === undefined && !ctx.get('authorization')) {
      try {
        const preread = ctx.req[PREREAD_BODY];
        if (preread === undefined) await parseBody(ctx, async () => {});
        else {
          // The fast path has read the body already (it is no longer on the stream).
          ctx.request.rawBody = preread;
          ctx.request.body = JSON.parse(preread);
        }
      } catch (error) {
        ctx.status = 400;
        ctx.body = badRequest(error instanceof Error ? error.message : 'invalid request body');
        return;
      }
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

    const generation = await service.generation();
    if (generation === null) return next();

    const key = service.entryKey(candidate.key, ctx.get('origin') || undefined);
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
      answerFromCache(ctx, hit, service.cacheControl);
      return;
    }

    service.stats.misses += 1;
    const leads = !inflight.has(flight);
    let release = () => {};
    if (leads) inflight.set(flight, new Promise<void>((resolve) => (release = resolve)));
    try {
      await next();
      await fill(ctx, candidate.kind, generation, key, service);
    } finally {
      if (leads) {
        inflight.delete(flight);
        release();
      }
    }
  };
};

/** Stores a cacheable answer and gives it its validators (a 304 when the client already has it). */
const fill = async (ctx: Ctx, kind: 'rest' | 'graphql', generation: string, key: string, service: CacheService) => {
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
  await service.save(generation, key, { etag, contentType, headers: replayableHeaders(ctx.response.headers), body });
  ctx.set('ETag', etag);
  ctx.set('Cache-Control', service.cacheControl);
  ctx.set('Vary', withVary(ctx.response.get('vary') || undefined, 'Authorization'));
  ctx.set('X-Cache', 'MISS');
  if (matchesEtag(ctx.get('if-none-match'), etag)) {
    ctx.status = 304;
    ctx.body = null;
  }
};

export default serve;
