import type { Core } from '@strapi/strapi';
import { databaseWrites, documentWrites } from './middlewares/invalidation';

/** Invalidation hooks: the Document Service for every document action, the database for everything written below it. */
const register = ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(documentWrites(strapi) as never);
  strapi.db.lifecycles.subscribe(databaseWrites(strapi) as never);
};

export default register;
