import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { refuse } from '../utils/refusals';

const WRITES = new Set(['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);

/**
 * Applications and their events are evidence: they are registered and appended through the
 * deadlines API (which validates and derives the clock), never written through the Document
 * Service, so neither the content manager nor a script can edit or delete them.
 */
export const applicationRecords =
  (_strapi: Core.Strapi) =>
  async (context: { uid: string; action: string }, next: () => Promise<unknown>) => {
    if ((context.uid === UID.application || context.uid === UID.applicationEvent) && WRITES.has(context.action)) {
      return refuse('APPLICATION_RECORDS_IMMUTABLE');
    }
    return next();
  };
