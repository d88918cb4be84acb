import { factories } from '@strapi/strapi';

const UID = 'api::disclosure-item.disclosure-item';

/**
 * The public catalogue list: Strapi's `filters`, `sort` and `pagination`, plus the shorthand
 * parameters of the catalogue plugin (organization, region with descendants, category with
 * sub-categories, from/to publish dates, q, validity). Newest first unless a sort is given.
 * The shorthand conditions go on the item's own indexed (private) columns, so they join the query
 * after Strapi has validated and sanitised what the client sent.
 *
 * The common list and item questions take the catalogue's lean read path (services/public-reads);
 * everything else, and an item the lean path does not find, goes through Strapi's own pipeline.
 */
export default factories.createCoreController(UID, ({ strapi }) => {
  const catalogue = () => strapi.plugin('catalogue');
  const leanReads = () => {
    const reads = catalogue().service('public-reads');
    return reads.enabled() ? reads : null;
  };

  return {
    async find(ctx) {
      // With the catalogue plugin switched off (CATALOGUE_ENABLED=false) this is Strapi's plain list.
      if (!catalogue()) return super.find(ctx);
      const publicCatalogue = catalogue().service('public-catalogue');
      const clauses: Record<string, unknown>[] = await publicCatalogue.shorthandFilters(ctx.query);
      ctx.query = publicCatalogue.withoutShorthand(ctx.query);
      const reads = leanReads();
      const plan = reads?.planList(ctx.query);
      if (plan) return reads.list(plan, clauses, ctx.state.auth);

      if (!ctx.query.sort) ctx.query.sort = ['firstPublishedAt:desc', 'id:desc'];
      await this.validateQuery(ctx);
      const query = (await this.sanitizeQuery(ctx)) as Record<string, unknown>;
      if (clauses.length) query.filters = { $and: [...(query.filters ? [query.filters] : []), ...clauses] };
      const { results, pagination } = await strapi.service(UID).find(query);
      return this.transformResponse(await this.sanitizeOutput(results, ctx), { pagination });
    },

    async findOne(ctx) {
      const reads = catalogue() ? leanReads() : null;
      const plan = reads?.planItem(ctx.query);
      const answer = plan ? await reads.item(ctx.params.id, plan, ctx.state.auth) : null;
      // Not found (or not public): Strapi's own answer, with its error shape.
      return answer ?? super.findOne(ctx);
    },
  };
});
