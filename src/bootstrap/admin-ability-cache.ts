import type { Core } from '@strapi/strapi';

type PermissionStamp = { id: number; updatedAt?: unknown };
type AdminUser = { id: number; roles?: Array<{ id: number; code: string }> };
type Engine = { generateUserAbility(user: AdminUser): Promise<unknown> };
type Entry = { ability: unknown } | { conditional: true };

const MAX_ENTRIES = 200;

/**
 * Every admin request rebuilds the user's CASL ability from their permissions (≈170 for a super
 * admin): some 20 ms of CPU per request, the same result each time. This still reads the user's
 * permissions on every request, as Strapi does (id and update time only: every change through
 * Strapi deletes, creates or updates a row, which changes one of them), so a role or permission
 * change applies to the very next request on every instance, and reuses the ability built for the
 * same rows. Permissions with conditions are always rebuilt: their handlers (e.g. 仅限本机关) read
 * data that changes without any permission changing.
 */
export const cacheAdminAbilities = (strapi: Core.Strapi) => {
  const engine = (strapi.service('admin::permission') as unknown as { engine?: Engine } | undefined)?.engine;
  if (!engine?.generateUserAbility) return;
  const original = engine.generateUserAbility.bind(engine);
  const cache = new Map<string, Entry>();
  const permissions = () => strapi.db.query('admin::permission');

  const keyOf = async (user: AdminUser) => {
    const rows = (await permissions().findMany({ where: { role: { users: { id: user.id } } }, select: ['id', 'updatedAt'], orderBy: { id: 'asc' } })) as PermissionStamp[];
    return JSON.stringify([user.id, (user.roles ?? []).map((role) => role.id), rows.map((row) => [row.id, new Date(row.updatedAt as string).getTime()])]);
  };

  engine.generateUserAbility = async (user: AdminUser) => {
    const key = await keyOf(user);
    const hit = cache.get(key);
    if (hit) return 'ability' in hit ? hit.ability : original(user);

    const rows = (await permissions().findMany({ where: { role: { users: { id: user.id } } }, select: ['conditions'] })) as Array<{ conditions?: unknown[] | null }>;
    const conditional = rows.some((row) => Array.isArray(row.conditions) && row.conditions.length > 0);
    const ability = await original(user);
    // Kept only when the permissions did not change while it was being built.
    if ((await keyOf(user)) === key) {
      if (cache.size >= MAX_ENTRIES) cache.clear();
      cache.set(key, conditional ? { conditional: true } : { ability });
    }
    return ability;
  };
};
