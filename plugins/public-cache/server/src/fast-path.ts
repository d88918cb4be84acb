import type { IncomingMessage, Server, ServerResponse } from 'http';
import { withVary, type CachedResponse } from './core/entry';
import { graphqlPostKey, matchesEtag } from './core/request-policy';
import type { CacheService } from './services/cache';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A GraphQL POST body the fast path has read (and so taken off the stream): the Koa middleware
 * parses this text instead of the stream (middlewares/serve.ts).
 */
export const PREREAD_BODY = Symbol.for('public-cache.preread-body');
export type PrereadRequest = IncomingMessage & { [PREREAD_BODY]?: string };

// Only small, plain JSON bodies of known length are read here; anything else goes on untouched.
const MAX_PREREAD_BYTES = 64 * 1024;
const prereadable = (req: IncomingMessage) => {
  const length = Number(req.headers['content-length']);
  return (
    Number.isInteger(length) &&
    length > 0 &&
    length <= MAX_PREREAD_BYTES &&
    !req.headers['content-encoding'] &&
    /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')
  );
};

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/** The cache key of a GraphQL POST body, or undefined when it is not a JSON object (the Koa side then answers it). */
const graphqlBodyKey = (url: string, text: string): string | undefined => {
  try {
    const body = JSON.parse(text) as unknown;
    return body && typeof body === 'object' && !Array.isArray(body) ? graphqlPostKey(url, body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Cached GET answers, and cached GraphQL POSTs with a small JSON body, straight from the HTTP server, before Koa: no context, no request-scoped
 * async storage, no middleware. It only answers what is already cached — an entry exists only if
 * the Koa middleware (middlewares/serve.ts) judged the request cacheable and stored its answer, and
 * the key holds everything that judgement read except the Authorization header, checked here — so
 * the rules stay in one place. Anything else, and every miss, goes on to Strapi unchanged.
 * Returns a function that puts the server back as it was.
 */
export const installFastPath = (server: Server, service: CacheService, { restPrefix, graphqlEndpoint }: { restPrefix: string; graphqlEndpoint: string }): (() => void) => {
  const restPaths = restPrefix.endsWith('/') ? restPrefix : `${restPrefix}/`;
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

  const serveOrPassOn = (req: IncomingMessage, res: ServerResponse, requestKey: string) => {
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

  const fastPath: RequestListener = (req, res) => {
    const url = req.url;
    if (req.headers.authorization || !url || !url.startsWith('/')) return passOn(req, res);
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    // Only the public API can have entries: the admin, its assets and uploads go straight on (no store lookup).
    if (path !== graphqlEndpoint && !path.startsWith(restPaths)) return passOn(req, res);
    if (req.method === 'GET') return serveOrPassOn(req, res, path === graphqlEndpoint ? `GQL GET ${url}` : `GET ${url}`);
    if (req.method !== 'POST' || path !== graphqlEndpoint || !prereadable(req)) return passOn(req, res);
    readBody(req).then(
      (text) => {
        (req as PrereadRequest)[PREREAD_BODY] = text;
        const requestKey = graphqlBodyKey(url, text);
        if (requestKey === undefined) return passOn(req, res);
        serveOrPassOn(req, res, requestKey);
      },
      () => res.destroy()
    );
  };

  server.removeAllListeners('request');
  server.on('request', fastPath);
  return () => {
    server.removeListener('request', fastPath);
    for (const listener of strapiListeners) server.on('request', listener);
  };
};
