import { createHash } from 'crypto';

/** A cached response: only 200s with a text body are stored. */
export interface CachedResponse {
  etag: string;
  contentType: string;
  /**
   * The headers the rest of the pipeline gave the first answer (security headers, CORS for the
   * request's Origin, X-Powered-By …), replayed on every hit so a hit looks like the answer it copies.
   */
  headers: Record<string, string>;
  body: string;
}

// The version is part of every key: entries stored in an older shape are never read back.
export const hashKey = (key: string): string => createHash('sha1').update(`v2 ${key}`).digest('base64url');

export const etagOf = (body: string): string => `"${createHash('sha1').update(body).digest('base64url')}"`;

/** Headers that belong to one response, or that the cache sets itself, and are never replayed. */
const NOT_REPLAYED = new Set([
  'content-length',
  'content-type',
  'etag',
  'cache-control',
  'x-cache',
  'date',
  'set-cookie',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'x-response-time',
]);

/** The response headers worth replaying on a hit (names lower-cased, as Node keeps them). */
export const replayableHeaders = (headers: Record<string, unknown>): Record<string, string> => {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (NOT_REPLAYED.has(lower) || value === undefined) continue;
    kept[lower] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return kept;
};

/** Adds a header name to a Vary value unless it is already there. */
export const withVary = (vary: string | undefined, name: string): string => {
  const names = (vary ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  if (names.includes('*') || names.some((n) => n.toLowerCase() === name.toLowerCase())) return names.join(', ');
  return [...names, name].join(', ');
};

/** One string for Redis: etag, content type and headers (JSON) on their own lines, then the body (no second JSON encoding of the body). */
export const encodeEntry = (entry: CachedResponse): string => `${entry.etag}\n${entry.contentType}\n${JSON.stringify(entry.headers)}\n${entry.body}`;

export const decodeEntry = (raw: string | null | undefined): CachedResponse | undefined => {
  if (!raw) return undefined;
  const first = raw.indexOf('\n');
  const second = raw.indexOf('\n', first + 1);
  const third = raw.indexOf('\n', second + 1);
  if (first < 0 || second < 0 || third < 0) return undefined;
  let headers: Record<string, string>;
  try {
    headers = JSON.parse(raw.slice(second + 1, third)) as Record<string, string>;
  } catch {
    return undefined;
  }
  return { etag: raw.slice(0, first), contentType: raw.slice(first + 1, second), headers, body: raw.slice(third + 1) };
};

/** A GraphQL answer with `errors` (forbidden, not found, bad input) is not worth keeping. */
export const isCacheableGraphqlBody = (body: string): boolean => {
  try {
    const parsed = JSON.parse(body) as { errors?: unknown; data?: unknown };
    return !parsed.errors && parsed.data !== undefined;
  } catch {
    return false;
  }
};
