import type { Core } from '@strapi/strapi';
import { PLUGIN } from '../constants';
import type { CacheService } from '../services/cache';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const DB_WRITE_EVENTS = new Set(['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany']);

const service = (strapi: Core.Strapi) => strapi.plugin(PLUGIN).service('cache') as CacheService;

/**
 * Every document write (create, update, delete, publish, unpublish, discard, clone — whatever the
 * action) invalidates once it has finished; when it ran outside any caller's transaction it has
 * committed by then, so this also waits for the bumps its commit started.
 */
export const documentWrites =
  (strapi: Core.Strapi) =>
  async (context: { uid: string; action: string }, next: () => Promise<unknown>) => {
    if (READ_ACTIONS.has(context.action)) return next();
    const result = await next();
    if (!service(strapi).isIgnoredModel(context.uid)) {
      await service(strapi).afterWrite();
      if (!strapi.db.inTransaction()) await service(strapi).settle();
    }
    return result;
  };

/**
 * Catch-all for writes below the Document Service: `strapi.db.query(...)` from plugins, jobs and
 * scripts (regulation validity refresh, deadline fields, permissions) fire the same lifecycles.
 */
export const databaseWrites = (strapi: Core.Strapi) => async (event: { action: string; model: { uid: string } }) => {
  if (!DB_WRITE_EVENTS.has(event.action) || service(strapi).isIgnoredModel(event.model.uid)) return;
  await service(strapi).afterWrite();
};
