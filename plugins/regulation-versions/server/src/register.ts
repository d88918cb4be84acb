import type { Core } from '@strapi/strapi';
import { UID } from './constants';
import { regulationRecords } from './middlewares/regulation-records';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // The public API of regulations is the register and its endpoints; no GraphQL face for the raw records.
  const graphqlExtension = strapi.plugin('graphql')?.service('extension');
  for (const uid of [UID.regulation, UID.version, UID.event]) graphqlExtension?.shadowCRUD(uid).disable();
  strapi.documents.use(regulationRecords(strapi) as never);
};

export default register;
