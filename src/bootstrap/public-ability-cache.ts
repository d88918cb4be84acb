import type { Core } from '@strapi/strapi';

type Ctx = { state: Record<string, any>; request: { header: Record<string, unknown> } };
type Next = () => Promise<unknown>;
type Auth = { authenticate(ctx: Ctx, next: Next): Promise<unknown> };
type Anonymous = { stamp: string; strategy: unknown; ability: unknown };

const PERMISSION = 'plugin::users-permissions.permission';
const ROLE = 'plugin::users-permissions.role';

/**
 * Every anonymous REST or GraphQL request makes users-permissions read the Public role's
 * permissions (a joined query through Strapi's query layer) and build a CASL ability from them:
 * ≈1.3 ms per request, the same answer each time, and growing with every public route a plugin
 * adds. This keeps the ability and checks on every request that the permissions it was built from
 * are unchanged, with one small SQL statement (count, highest id and last update of the Public
 * role's permission rows: Strapi creates, deletes or updates a row for every change). So a
 * permission change applies to the very next request on every instance, as before.
 *
 * Only requests without an Authorization header on routes that use the default content-API
 * strategies take the shortcut; everything else (tokens, users, routes with their own auth) goes
 * through Strapi as before. The ability is kept only when Strapi itself answered such a request
 * with the anonymous users-permissions ability.
 */
export const cachePublicAbility = (strapi: Core.Strapi) => {
  const auth = strapi.get('auth') as Auth | undefined;
  if (!auth?.authenticate || !strapi.plugin('users-permissions')) return;
  const original = auth.authenticate.bind(auth);
  const stamp = publicPermissionsStamp(strapi);
  let cached: Anonymous | null = null;

  auth.authenticate = async (ctx, next) => {
    const route = ctx.state.route as { info?: { type?: string }; config?: { auth?: false | { strategies?: unknown } } } | undefined;
    const routeAuth = route?.config?.auth;
    if (route?.info?.type !== 'content-api' || routeAuth === false || routeAuth?.strategies || ctx.request.header.authorization) return original(ctx, next);

    const current = await stamp();
    if (cached && cached.stamp === current) {
      ctx.state.isAuthenticated = true;
      ctx.state.auth = { strategy: cached.strategy, credentials: null, ability: cached.ability };
      return next();
    }
    return original(ctx, () => {
      const { strategy, credentials, ability } = (ctx.state.auth ?? {}) as { strategy?: { name?: string }; credentials?: unknown; ability?: unknown };
      // Read before the permissions were: a change in between leaves a stale stamp, so the next request rebuilds.
      cached = strategy?.name === 'users-permissions' && credentials == null && ability ? { stamp: current, strategy, ability } : null;
      return next();
    });
  };
};

/** A statement whose answer changes whenever a permission of the Public role is created, deleted or updated. */
const publicPermissionsStamp = (strapi: Core.Strapi) => {
  const permission = strapi.db.metadata.get(PERMISSION) as unknown as {
    tableName: string;
    attributes: { role: { joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } } };
  };
  const link = permission.attributes.role.joinTable;
  const roles = strapi.db.metadata.get(ROLE).tableName;
  const sql = `select count(*) as n, max(p.id) as id, max(p.updated_at) as at from ?? p join ?? l on l.?? = p.id join ?? r on r.id = l.?? where r.type = 'public'`;
  const bindings = [permission.tableName, link.name, link.joinColumn.name, roles, link.inverseJoinColumn.name];
  return async (): Promise<string> => {
    const result = (await strapi.db.connection.raw(sql, bindings)) as { rows?: unknown[] } | unknown[];
    const rows = Array.isArray(result) ? result : (result.rows ?? []);
    return JSON.stringify(rows[0] ?? null);
  };
};
