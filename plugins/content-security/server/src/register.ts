import type { Core } from '@strapi/strapi';
import { OWN_RECORDS } from './constants';
import { contentSecurityGate } from './middlewares/gate';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // The audit records have no public face.
  const graphqlExtension = strapi.plugin('graphql')?.service('extension');
  for (const uid of OWN_RECORDS) graphqlExtension?.shadowCRUD(uid).disable();
  graphqlExtension?.shadowCRUD('plugin::content-security.word-list').disable();
  strapi.documents.use(contentSecurityGate(strapi) as never);
};

export default register;
