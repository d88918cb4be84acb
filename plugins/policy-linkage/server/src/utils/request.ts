import type { Core } from '@strapi/strapi';
import { SUPER_ADMIN_ROLE_CODE } from '../constants';

type RequestState = {
  route?: { info?: { type?: string } };
  auth?: { strategy?: { name?: string } };
  user?: Actor;
};

/** The admin user behind an action; null when the system acts (seeding, jobs, the document service alone). */
export type Actor = { id: number; firstname?: string | null; lastname?: string | null; email?: string; roles?: { code: string }[] } | null;

const state = (strapi: Core.Strapi): RequestState | undefined => (strapi.requestContext.get() as { state?: RequestState } | undefined)?.state;

export const isContentApiRequest = (strapi: Core.Strapi): boolean => state(strapi)?.route?.info?.type === 'content-api';

/** The admin user of the current request, if the request is an admin one. */
export const currentAdmin = (strapi: Core.Strapi): Actor => {
  const current = state(strapi);
  return current?.auth?.strategy?.name === 'admin' && current.user ? current.user : null;
};

export const isSuperAdmin = (actor: Actor) => !!actor && (actor.roles ?? []).some((role) => role.code === SUPER_ADMIN_ROLE_CODE);

export const actorName = (actor: Actor): string | null =>
  actor ? [actor.lastname, actor.firstname].filter(Boolean).join('') || actor.email || `#${actor.id}` : null;
