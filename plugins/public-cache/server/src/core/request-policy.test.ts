import { classifyRequest, isGraphqlQuery, isIgnoredModel, matchesEtag, topLevelParameters } from './request-policy';
import { decodeEntry, encodeEntry, etagOf, isCacheableGraphqlBody, replayableHeaders, withVary } from './entry';

const settings = {
  restPrefix: '/api',
  graphqlEndpoint: '/graphql',
  excludedPaths: ['/api/auth', '/api/deadlines'],
  secretParameters: ['access_token', 'token', 'secret'],
};
const facts = (over: Partial<Parameters<typeof classifyRequest>[0]>) => ({ method: 'GET', path: '/api/disclosure-items', querystring: '', hasAuthorization: false, ...over });

describe('classifyRequest', () => {
  it('takes anonymous REST GETs with their query string as the key', () => {
    expect(classifyRequest(facts({ querystring: 'region=330100&pagination[page]=2' }), settings)).toEqual({ kind: 'rest', key: 'GET /api/disclosure-items?region=330100&pagination[page]=2' });
  });

  it('leaves everything outside /api and /graphql alone', () => {
    expect(classifyRequest(facts({ path: '/admin/init' }), settings)).toBeNull();
    expect(classifyRequest(facts({ path: '/content-manager/collection-types/x' }), settings)).toBeNull();
    expect(classifyRequest(facts({ path: '/apiary' }), settings)).toBeNull();
  });

  it('bypasses authenticated, excluded, secret-carrying, draft and non-GET REST requests', () => {
    expect(classifyRequest(facts({ hasAuthorization: true }), settings)).toEqual({ kind: 'bypass', reason: 'authorization' });
    expect(classifyRequest(facts({ path: '/api/deadlines/applications/status', method: 'POST' }), settings)).toEqual({ kind: 'bypass', reason: 'excluded-path' });
    expect(classifyRequest(facts({ path: '/api/auth/local' }), settings)).toEqual({ kind: 'bypass', reason: 'excluded-path' });
    expect(classifyRequest(facts({ querystring: 'access_token=x' }), settings)).toEqual({ kind: 'bypass', reason: 'secret-parameter' });
    expect(classifyRequest(facts({ querystring: 'a=1&Secret=2' }), settings)).toEqual({ kind: 'bypass', reason: 'secret-parameter' });
    expect(classifyRequest(facts({ querystring: 'status=draft' }), settings)).toEqual({ kind: 'bypass', reason: 'draft' });
    expect(classifyRequest(facts({ method: 'POST' }), settings)).toEqual({ kind: 'bypass', reason: 'method' });
  });

  it('does not mistake a filter on a field for a secret parameter', () => {
    expect(classifyRequest(facts({ querystring: 'filters[token][$eq]=1' }), settings)?.kind).toBe('rest');
    expect(classifyRequest(facts({ querystring: 'filters[code][$eq]=330100' }), settings)?.kind).toBe('rest');
  });

  it('takes GraphQL queries (POST body or GET) and never mutations', () => {
    const post = classifyRequest(facts({ method: 'POST', path: '/graphql', body: { query: '{ regions { name } }', variables: { a: 1 } } }), settings);
    expect(post).toEqual({ kind: 'graphql', key: 'GQL POST /graphql ["{ regions { name } }",{"a":1},null]' });
    expect(classifyRequest(facts({ method: 'POST', path: '/graphql', body: { query: 'mutation { deleteRegion(documentId: "x") { documentId } }' } }), settings)).toEqual({ kind: 'bypass', reason: 'graphql-not-query' });
    expect(classifyRequest(facts({ path: '/graphql', querystring: `query=${encodeURIComponent('{ regions { name } }')}` }), settings)?.kind).toBe('graphql');
    expect(classifyRequest(facts({ method: 'POST', path: '/graphql', body: 'nope' }), settings)).toEqual({ kind: 'bypass', reason: 'graphql-body' });
  });
});

describe('isGraphqlQuery', () => {
  it('picks the operation by name when there are several', () => {
    const document = 'query Q { regions { name } } mutation M { deleteRegion(documentId: "x") { documentId } }';
    expect(isGraphqlQuery(document, 'Q')).toBe(true);
    expect(isGraphqlQuery(document, 'M')).toBe(false);
    expect(isGraphqlQuery(document)).toBe(false);
    expect(isGraphqlQuery('{ not valid')).toBe(false);
    expect(isGraphqlQuery('subscription { x }')).toBe(false);
  });
});

describe('helpers', () => {
  it('names top-level parameters', () => {
    expect(topLevelParameters('filters[a][$eq]=1&sort=x&populate[0]=b&q=%E8%90%A5')).toEqual(['filters', 'sort', 'populate', 'q']);
  });
  it('matches ETags as HTTP does', () => {
    expect(matchesEtag('"a"', '"a"')).toBe(true);
    expect(matchesEtag('W/"a", "b"', '"a"')).toBe(true);
    expect(matchesEtag('*', '"a"')).toBe(true);
    expect(matchesEtag('"b"', '"a"')).toBe(false);
    expect(matchesEtag(undefined, '"a"')).toBe(false);
  });
  it('ignores models by uid or prefix', () => {
    expect(isIgnoredModel('admin::session', ['admin::*'])).toBe(true);
    expect(isIgnoredModel('api::region.region', ['admin::*', 'plugin::x.y'])).toBe(false);
    expect(isIgnoredModel('plugin::x.y', ['plugin::x.y'])).toBe(true);
  });
  it('round-trips entries and keeps GraphQL errors out', () => {
    const entry = { etag: etagOf('{"a":"\\n"}'), contentType: 'application/json; charset=utf-8', headers: { 'x-powered-by': 'Strapi <strapi.io>', vary: 'Origin' }, body: '{"a":"\n"}\n' };
    expect(decodeEntry(encodeEntry(entry))).toEqual(entry);
    expect(etagOf('x')).toBe(etagOf('x'));
    expect(etagOf('x')).not.toBe(etagOf('y'));
    expect(isCacheableGraphqlBody('{"data":{"a":1}}')).toBe(true);
    expect(isCacheableGraphqlBody('{"data":null,"errors":[{}]}')).toBe(false);
  });
});

describe('replayed headers', () => {
  it('keeps what the pipeline added and drops what belongs to one response', () => {
    expect(
      replayableHeaders({
        'Content-Security-Policy': "default-src 'self'",
        'x-powered-by': 'Strapi <strapi.io>',
        'access-control-allow-origin': 'https://www.example.gov.cn',
        vary: 'Origin',
        'content-length': '120',
        'set-cookie': ['a=b'],
        etag: '"x"',
        date: 'Fri, 27 Nov 2026 00:00:00 GMT',
        'content-type': 'application/json',
      })
    ).toEqual({
      'content-security-policy': "default-src 'self'",
      'x-powered-by': 'Strapi <strapi.io>',
      'access-control-allow-origin': 'https://www.example.gov.cn',
      vary: 'Origin',
    });
  });

  it('adds to Vary once', () => {
    expect(withVary('Origin', 'Authorization')).toBe('Origin, Authorization');
    expect(withVary('Origin, authorization', 'Authorization')).toBe('Origin, authorization');
    expect(withVary(undefined, 'Authorization')).toBe('Authorization');
  });
});
