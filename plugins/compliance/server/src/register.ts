import type { Core } from '@strapi/strapi';
import { UID } from './constants';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // The report's public face is its own REST route (published only); no GraphQL for drafts and review cases.
  const graphqlExtension = strapi.plugin('graphql')?.service('extension');
  for (const uid of [UID.annualReport, UID.reviewCase]) graphqlExtension?.shadowCRUD(uid).disable();

  // Review cases carry their organisation's documentId for set-based counting (table 4).
  strapi.documents.use(async (context, next) => {
    if (context.uid !== UID.reviewCase || !['create', 'update'].includes(context.action)) return next();
    const data = (context.params as { data?: Record<string, any> }).data;
    if (data && 'organization' in data) {
      const ref = data.organization;
      const documentId = typeof ref === 'string' ? ref : ref?.documentId ?? ref?.connect?.[0]?.documentId ?? (Array.isArray(ref?.set) ? ref.set[0]?.documentId : undefined) ?? null;
      if (documentId || ref === null) data.organizationDocumentId = documentId;
      else if (typeof ref === 'number' || typeof ref?.id === 'number' || typeof ref?.connect?.[0]?.id === 'number') {
        const id = typeof ref === 'number' ? ref : ref.id ?? ref.connect[0].id;
        const org = await strapi.db.query(UID.organization).findOne({ where: { id }, select: ['documentId'] });
        data.organizationDocumentId = org?.documentId ?? null;
      }
    }
    return next();
  });
};

export default register;
