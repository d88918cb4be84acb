import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { regionPath } from '../core/region-path';

type RegionRow = { id: number; code: string; path: string | null; parent?: { id: number; path: string | null } | null };

/** Keeps each region's materialised path (see core/region-path) in step with its code and parent. */
const regionTree = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Recomputes the path of a region and, where it changed, of everything below it. Returns the region's path. */
  async refreshSubtree(regionId: number): Promise<string | null> {
    const region = (await strapi.db.query(UID.region).findOne({
      where: { id: regionId },
      select: ['id', 'code', 'path'],
      populate: { parent: { select: ['id', 'path'] } },
    })) as RegionRow | null;
    if (!region) return null;
    const path = regionPath(region.parent?.path, region.code);
    if (path === region.path) return path;
    await strapi.db.query(UID.region).update({ where: { id: regionId }, data: { path } });
    const children = await strapi.db.query(UID.region).findMany({ where: { parent: { id: regionId } }, select: ['id'] });
    for (const child of children) await this.refreshSubtree(child.id);
    return path;
  },
});

export type RegionTreeService = ReturnType<typeof regionTree>;
export default regionTree;
