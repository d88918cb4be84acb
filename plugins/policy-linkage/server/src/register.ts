import type { Core } from '@strapi/strapi';
import { UID } from './constants';
import { interpretationRules } from './middlewares/interpretation-rules';
import { policyRelease } from './middlewares/policy-release';

/**
 * The policy side of the link is added to the catalogue's disclosure item here, so the catalogue
 * does not depend on this plugin: REST (`populate=interpretations`) and GraphQL then follow it both ways.
 */
const register = ({ strapi }: { strapi: Core.Strapi }) => {
  const item = strapi.contentType(UID.item as never) as unknown as { attributes: Record<string, unknown> } | undefined;
  if (item) {
    item.attributes.interpretations = {
      type: 'relation',
      relation: 'oneToMany',
      target: UID.interpretation,
      mappedBy: 'policy',
      configurable: false,
    };
  }
  strapi.documents.use(policyRelease(strapi) as never);
  strapi.documents.use(interpretationRules(strapi) as never);
};

export default register;
