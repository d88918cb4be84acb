import type { Core } from '@strapi/strapi';
import { UID } from '../constants';

/** Which organisations an admin user may write for: those that list the user among their editors. */
const organizationScope = ({ strapi }: { strapi: Core.Strapi }) => ({
  async organizationsOf(adminUserId: number): Promise<string[]> {
    const rows = await strapi.db.query(UID.organization).findMany({
      where: { editors: { id: adminUserId } },
      select: ['documentId'],
    });
    return rows.map((row: { documentId: string }) => row.documentId);
  },

  /** The RBAC condition's permission query: items whose organisation is one of the user's. */
  async permissionQuery(adminUserId: number) {
    return { organizationDocumentId: { $in: await this.organizationsOf(adminUserId) } };
  },
});

export type OrganizationScopeService = ReturnType<typeof organizationScope>;
export default organizationScope;
