import { createHash } from 'crypto';

/** A cached response: only 200s with a text body are stored. */
export interface CachedResponse {
  etag: string;
  contentType: string;
  body: string;
}

export const hashKey = (key: string): string => createHash('sha1').update(key).digest('base64url');

export const etagOf = (body: string): string => `"${createHash('sha1').update(body).digest('base64url')}"`;

/** One string for Redis: etag, content type and body on their own lines (no second JSON encoding of the body). */
export const encodeEntry = (entry: CachedResponse): string => `${entry.etag}\n${entry.contentType}\n${entry.body}`;

export const decodeEntry = (raw: string | null | undefined): CachedResponse | undefined => {
  if (!raw) return undefined;
  const first = raw.indexOf('\n');
  const second = raw.indexOf('\n', first + 1);
  if (first < 0 || second < 0) return undefined;
  return { etag: raw.slice(0, first), contentType: raw.slice(first + 1, second), body: raw.slice(second + 1) };
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
