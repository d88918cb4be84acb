import type { Core } from '@strapi/strapi';

type PermissionRow = { id: number; action: string; subject?: string | null; properties?: unknown; conditions?: unknown[] | null; actionParameters?: unknown; updatedAt?: unknown };
type AdminUser = { id: number; roles?: Array<{ id: number; code: string }> };
type Engine = { generateUserAbility(user: AdminUser): Promise<unknown> };

const MAX_ENTRIES = 200;

/**
 * Every admin request rebuilds the user's CASL ability from their permissions (≈170 for a super
 * admin): some 20 ms of CPU per request, the same result each time. This keeps Strapi's reading of
 * the permissions on every request (so a role or permission change applies to the very next request,
 * on every instance) and reuses the built ability while the rows read are identical. Abilities
 * with conditions are always rebuilt: condition handlers (e.g. 仅限本机关) read data that may change.
 */
export const cacheAdminAbilities = (strapi: Core.Strapi) => {
  const engine = (strapi.service('admin::permission') as unknown as { engine?: Engine } | undefined)?.engine;
  if (!engine?.generateUserAbility) return;
  const original = engine.generateUserAbility.bind(engine);
  const cache = new Map<string, unknown>();

  const readRows = async (user: AdminUser) =>
    (await strapi.db.query('admin::permission').findMany({ where: { role: { users: { id: user.id } } }, orderBy: { id: 'asc' } })) as PermissionRow[];
  const keyOf = (user: AdminUser, rows: PermissionRow[]) =>
    JSON.stringify([
      user.id,
      (user.roles ?? []).map((role) => [role.id, role.code]),
      rows.map((row) => [row.id, row.action, row.subject ?? null, row.properties ?? null, row.actionParameters ?? null, String(row.updatedAt ?? '')]),
    ]);

  engine.generateUserAbility = async (user: AdminUser) => {
    const rows = await readRows(user);
    if (rows.some((row) => Array.isArray(row.conditions) && row.conditions.length > 0)) return original(user);
    const key = keyOf(user, rows);
    const hit = cache.get(key);
    if (hit) return hit;
    const ability = await original(user);
    // Kept only when the permissions did not change while it was built from a second read.
    if (keyOf(user, await readRows(user)) === key) {
      if (cache.size >= MAX_ENTRIES) cache.clear();
      cache.set(key, ability);
    }
    return ability;
  };
};
