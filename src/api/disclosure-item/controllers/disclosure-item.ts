import { factories } from '@strapi/strapi';

const UID = 'api::disclosure-item.disclosure-item';

/**
 * The public catalogue list: Strapi's `filters`, `sort` and `pagination`, plus the shorthand
 * parameters of the catalogue plugin (organization, region with descendants, category with
 * sub-categories, from/to publish dates, q, validity). Newest first unless a sort is given.
 */
export default factories.createCoreController(UID, ({ strapi }) => ({
  async find(ctx) {
    // With the catalogue plugin switched off (CATALOGUE_ENABLED=false) this is Strapi's plain list.
    if (!strapi.plugin('catalogue')) return super.find(ctx);
    const catalogue = strapi.plugin('catalogue').service('public-catalogue');
    const clauses: Record<string, unknown>[] = catalogue.shorthandFilters(ctx.query);
    const query = catalogue.withoutShorthand(ctx.query);
    if (clauses.length) query.filters = { $and: [...(query.filters ? [query.filters] : []), ...clauses] };
    if (!query.sort) query.sort = ['firstPublishedAt:desc', 'id:desc'];
    ctx.query = query;
    return super.find(ctx);
  },
}));
