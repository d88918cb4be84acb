import type { IncomingMessage, Server, ServerResponse } from 'http';
import { withVary, type CachedResponse } from './core/entry';
import { matchesEtag } from './core/request-policy';
import type { CacheService } from './services/cache';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Cached GET answers straight from the HTTP server, before Koa: no context, no request-scoped
 * async storage, no middleware. It only answers what is already cached — an entry exists only if
 * the Koa middleware (middlewares/serve.ts) judged the request cacheable and stored its answer, and
 * the key holds everything that judgement read except the Authorization header, checked here — so
 * the rules stay in one place. Anything else, and every miss, goes on to Strapi unchanged.
 * Returns a function that puts the server back as it was.
 */
export const installFastPath = (server: Server, service: CacheService, graphqlEndpoint: string): (() => void) => {
  const strapiListeners = server.listeners('request') as RequestListener[];
  const passOn: RequestListener = (req, res) => {
    for (const listener of strapiListeners) listener.call(server, req, res);
  };
  // Per entry, once rather than once per hit: the body as bytes and the finished header sets.
  type Prepared = { body: Buffer; ok: Record<string, string | number>; notModified: Record<string, string> };
  const prepared = new WeakMap<CachedResponse, Prepared>();
  const prepare = (hit: CachedResponse): Prepared => {
    const body = Buffer.from(hit.body);
    const notModified = {
      ...hit.headers,
      vary: withVary(hit.headers.vary, 'Authorization'),
      etag: hit.etag,
      'cache-control': service.cacheControl,
      'x-cache': 'HIT',
    };
    const entry = { body, notModified, ok: { ...notModified, 'content-type': hit.contentType, 'content-length': body.length } };
    prepared.set(hit, entry);
    return entry;
  };

  const answer = (req: IncomingMessage, res: ServerResponse, hit: CachedResponse) => {
    const { body, ok, notModified } = prepared.get(hit) ?? prepare(hit);
    if (matchesEtag(req.headers['if-none-match'], hit.etag)) {
      res.writeHead(304, notModified);
      res.end();
      return;
    }
    res.writeHead(200, ok);
    res.end(body);
  };

  const fastPath: RequestListener = (req, res) => {
    const url = req.url;
    if (req.method !== 'GET' || req.headers.authorization || !url || !url.startsWith('/')) return passOn(req, res);
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    const requestKey = path === graphqlEndpoint ? `GQL GET ${url}` : `GET ${url}`;
    const origin = req.headers.origin;
    service.cachedAnswer(requestKey, typeof origin === 'string' && origin ? origin : undefined).then(
      (hit) => {
        if (!hit) return passOn(req, res);
        service.stats.hits += 1;
        service.stats.fastHits += 1;
        answer(req, res, hit);
      },
      () => passOn(req, res)
    );
  };

  server.removeAllListeners('request');
  server.on('request', fastPath);
  return () => {
    server.removeListener('request', fastPath);
    for (const listener of strapiListeners) server.on('request', listener);
  };
};
