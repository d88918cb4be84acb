import { factories } from '@strapi/strapi';

const UID = 'api::disclosure-item.disclosure-item';

/**
 * The public catalogue list: Strapi's `filters`, `sort` and `pagination`, plus the shorthand
 * parameters of the catalogue plugin (organization, region with descendants, category with
 * sub-categories, from/to publish dates, q, validity). Newest first unless a sort is given.
 * The shorthand conditions go on the item's own indexed (private) columns, so they join the query
 * after Strapi has validated and sanitised what the client sent.
 */
export default factories.createCoreController(UID, ({ strapi }) => ({
  async find(ctx) {
    // With the catalogue plugin switched off (CATALOGUE_ENABLED=false) this is Strapi's plain list.
    if (!strapi.plugin('catalogue')) return super.find(ctx);
    const catalogue = strapi.plugin('catalogue').service('public-catalogue');
    const clauses: Record<string, unknown>[] = await catalogue.shorthandFilters(ctx.query);
    ctx.query = catalogue.withoutShorthand(ctx.query);
    if (!ctx.query.sort) ctx.query.sort = ['firstPublishedAt:desc', 'id:desc'];
    await this.validateQuery(ctx);
    const query = (await this.sanitizeQuery(ctx)) as Record<string, unknown>;
    if (clauses.length) query.filters = { $and: [...(query.filters ? [query.filters] : []), ...clauses] };
    const { results, pagination } = await strapi.service(UID).find(query);
    return this.transformResponse(await this.sanitizeOutput(results, ctx), { pagination });
  },
}));
