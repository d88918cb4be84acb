import type { Core } from '@strapi/strapi';
import { cacheAdminAbilities } from './bootstrap/admin-ability-cache';
import { applyAdminLabels } from './bootstrap/admin-labels';
import { seedDisclosureCategories } from './bootstrap/categories';
import { assertLocalPluginsBuilt } from './bootstrap/local-plugins';
import { cachePublicAbility } from './bootstrap/public-ability-cache';
import { ensureAdminRoles, ensurePublicPermissions } from './bootstrap/roles';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    assertLocalPluginsBuilt(strapi);
  },

  /** Seeded reference data, roles and public permissions; the rules themselves live in plugins/. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await seedDisclosureCategories(strapi);
    await ensureAdminRoles(strapi);
    await ensurePublicPermissions(strapi);
    await applyAdminLabels(strapi);
    cacheAdminAbilities(strapi);
    cachePublicAbility(strapi);
  },
};
