import type { Core } from '@strapi/strapi';
import { SUPER_ADMIN_ROLE_CODE } from '../constants';

type RequestState = {
  route?: { handler?: unknown; info?: { type?: string; pluginName?: string } };
  auth?: { strategy?: { name?: string } };
  user?: { id: number; roles?: { code: string }[] };
};

const state = (strapi: Core.Strapi): RequestState | undefined =>
  (strapi.requestContext.get() as { state?: RequestState } | undefined)?.state;

/** True inside a REST `/api/...` or GraphQL request: the public face, which never sees drafts. */
export const isContentApiRequest = (strapi: Core.Strapi): boolean => state(strapi)?.route?.info?.type === 'content-api';

/** True inside the content manager's publish request of a collection type (the admin's "publish" button). */
export const isContentManagerPublish = (strapi: Core.Strapi): boolean => {
  const route = state(strapi)?.route;
  return route?.info?.pluginName === 'content-manager' && route.handler === 'collection-types.publish';
};

/**
 * The admin user of the current request when their writes are limited to their own organisations,
 * i.e. any admin who is not a super admin. Null for super admins, API calls and internal work (seeding, jobs).
 */
export const organizationScopedAdmin = (strapi: Core.Strapi): { id: number } | null => {
  const current = state(strapi);
  if (current?.auth?.strategy?.name !== 'admin' || !current.user) return null;
  const isSuperAdmin = (current.user.roles ?? []).some((role) => role.code === SUPER_ADMIN_ROLE_CODE);
  return isSuperAdmin ? null : { id: current.user.id };
};
