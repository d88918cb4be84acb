import type { Core } from '@strapi/strapi';
import { leanQueryResolvers } from './graphql/lean-queries';
import { plainFields } from './graphql/plain-fields';
import { createToOneRelations } from './graphql/to-one-relations';
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
  const graphqlExtension = strapi.plugin('graphql')?.service('extension');
  if (graphqlExtension) {
    // GraphQL lists read their items' organisation and category for the whole page at once…
    const relations = createToOneRelations(strapi);
    graphqlExtension.use(relations.extension);
    // …and the common item and list questions go through the lean read path, as over REST, with those relations.
    graphqlExtension.use(leanQueryResolvers(strapi, relations));
    // Fields Strapi's resolver wrapper has nothing to check for answer without it.
    graphqlExtension.use(plainFields(strapi));
  }
};

export default register;
