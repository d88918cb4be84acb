import type { Core } from '@strapi/strapi';
import { leanQueryResolvers } from './graphql/lean-queries';
import { toOneRelationResolvers } from './graphql/to-one-relations';
import { categoryCodes } from './middlewares/category-codes';
import { columnDefaults } from './middlewares/column-defaults';
import { disclosureItemRules } from './middlewares/disclosure-item-rules';
import { emptyUpdates } from './middlewares/empty-updates';
import { publicVisibility } from './middlewares/public-visibility';
import { regionRules } from './middlewares/region-rules';

/** Document middlewares, each skipping early for the content types and actions it does not govern. */
const register = ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(publicVisibility(strapi) as never);
  strapi.documents.use(emptyUpdates(strapi) as never);
  strapi.documents.use(disclosureItemRules(strapi) as never);
  strapi.documents.use(regionRules(strapi) as never);
  strapi.documents.use(columnDefaults(strapi) as never);
  strapi.documents.use(categoryCodes(strapi) as never);
  // GraphQL lists read their items' organisation and category for the whole page at once.
  strapi.plugin('graphql')?.service('extension').use(toOneRelationResolvers(strapi));
  // The common item and list questions through the lean read path, as over REST.
  strapi.plugin('graphql')?.service('extension').use(leanQueryResolvers(strapi));
};

export default register;
