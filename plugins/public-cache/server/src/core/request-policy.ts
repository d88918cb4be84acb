import { Kind, OperationTypeNode, parse, type DocumentNode } from 'graphql';

/**
 * Which requests the public cache may answer or fill. Pure: the facts come from the Koa context.
 * A request is a candidate only when it is anonymous, reads, and goes to the public REST prefix or
 * the GraphQL endpoint; everything else goes through untouched.
 */
export interface RequestFacts {
  method: string;
  path: string;
  querystring: string;
  hasAuthorization: boolean;
  /** Parsed JSON body of a POST (GraphQL), when there is one. */
  body?: unknown;
}

export interface PolicySettings {
  restPrefix: string;
  graphqlEndpoint: string;
  excludedPaths: string[];
  secretParameters: string[];
}

export type Candidate = { kind: 'rest'; key: string } | { kind: 'graphql'; key: string };
export type Refusal = { kind: 'bypass'; reason: string };

const underPrefix = (path: string, prefix: string) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);

/** Top-level names of the query string (`filters[title][$eq]` → `filters`). */
export const topLevelParameters = (querystring: string): string[] => {
  if (!querystring) return [];
  const names = new Set<string>();
  for (const pair of querystring.split('&')) {
    if (!pair) continue;
    const raw = pair.split('=')[0];
    let name: string;
    try {
      name = decodeURIComponent(raw.replace(/\+/g, ' '));
    } catch {
      name = raw;
    }
    names.add(name.split('[')[0]);
  }
  return [...names];
};

/** True when the GraphQL document's operation to run is a query (not a mutation or subscription), and it parses. */
export const isGraphqlQuery = (query: unknown, operationName?: unknown): boolean => {
  if (typeof query !== 'string' || query.length === 0) return false;
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true });
  } catch {
    return false;
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length === 0) return false;
  const chosen =
    typeof operationName === 'string' && operationName
      ? operations.find((o) => o.kind === Kind.OPERATION_DEFINITION && o.name?.value === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
  return !!chosen && chosen.kind === Kind.OPERATION_DEFINITION && chosen.operation === OperationTypeNode.QUERY;
};

const graphqlFromQuerystring = (querystring: string) => {
  const params = new URLSearchParams(querystring);
  return { query: params.get('query'), operationName: params.get('operationName') };
};

/** The key of a GraphQL POST: its URL and what the body asks (query, variables, operation name). */
export const graphqlPostKey = (url: string, body: { query?: unknown; variables?: unknown; operationName?: unknown }): string =>
  `GQL POST ${url} ${JSON.stringify([body.query, body.variables ?? null, body.operationName ?? null])}`;

export const classifyRequest = (facts: RequestFacts, settings: PolicySettings): Candidate | Refusal | null => {
  const isRest = underPrefix(facts.path, settings.restPrefix);
  const isGraphql = facts.path === settings.graphqlEndpoint;
  if (!isRest && !isGraphql) return null;
  if (facts.hasAuthorization) return { kind: 'bypass', reason: 'authorization' };
  if (settings.excludedPaths.some((prefix) => underPrefix(facts.path, prefix))) return { kind: 'bypass', reason: 'excluded-path' };
  const secrets = new Set(settings.secretParameters.map((name) => name.toLowerCase()));
  if (topLevelParameters(facts.querystring).some((name) => secrets.has(name.toLowerCase()))) return { kind: 'bypass', reason: 'secret-parameter' };

  const url = facts.querystring ? `${facts.path}?${facts.querystring}` : facts.path;
  if (isRest) {
    if (facts.method !== 'GET') return { kind: 'bypass', reason: 'method' };
    // Drafts are never public; a request for them is not worth a cache entry even where the app would refuse it.
    if (/(^|&)(status=draft|publicationState=preview)(&|$)/i.test(facts.querystring)) return { kind: 'bypass', reason: 'draft' };
    return { kind: 'rest', key: `GET ${url}` };
  }

  if (facts.method === 'GET') {
    const { query, operationName } = graphqlFromQuerystring(facts.querystring);
    if (!isGraphqlQuery(query, operationName)) return { kind: 'bypass', reason: 'graphql-not-query' };
    return { kind: 'graphql', key: `GQL GET ${url}` };
  }
  if (facts.method === 'POST') {
    const body = facts.body as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return { kind: 'bypass', reason: 'graphql-body' };
    if (!isGraphqlQuery(body.query, body.operationName)) return { kind: 'bypass', reason: 'graphql-not-query' };
    return { kind: 'graphql', key: graphqlPostKey(url, body) };
  }
  return { kind: 'bypass', reason: 'method' };
};

/** Whether a model's writes are ignored: exact uids or `prefix*` patterns. */
export const isIgnoredModel = (uid: string, patterns: string[]): boolean =>
  patterns.some((pattern) => (pattern.endsWith('*') ? uid.startsWith(pattern.slice(0, -1)) : uid === pattern));

/** If-None-Match matches an ETag (a list, weak or strong, or `*`). */
export const matchesEtag = (ifNoneMatch: string | undefined, etag: string): boolean => {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
};
