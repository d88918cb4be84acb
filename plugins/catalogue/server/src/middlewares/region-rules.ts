import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../constants';
import { fieldError } from '../core/errors';
import { checkRegionPlacement, type RegionLevel } from '../core/region-path';
import { parseToOneRelationInput } from '../core/relation-input';
import type { RegionTreeService } from '../services/region-tree';
import { refuseFields } from '../utils/refusals';

type RegionRow = { id: number; documentId: string; code: string; level: RegionLevel; parent?: { id: number; code: string; level: RegionLevel } | null };

/** A region sits inside its parent (code and level); its materialised path follows every change. */
export const regionRules =
  (strapi: Core.Strapi) =>
  async (context: { uid: string; action: string; params: Record<string, any> }, next: () => Promise<unknown>) => {
    if (context.uid !== UID.region || (context.action !== 'create' && context.action !== 'update')) return next();
    const regions = strapi.db.query(UID.region);

    return strapi.db.transaction(async () => {
      const data: Record<string, any> = (context.params.data = { ...(context.params.data ?? {}) });
      delete data.path;
      const stored: RegionRow | null = context.params.documentId
        ? await regions.findOne({ where: { documentId: context.params.documentId }, populate: { parent: { select: ['id', 'code', 'level'] } } })
        : null;

      let parent = stored?.parent ?? null;
      const parentChange = parseToOneRelationInput(data.parent);
      if (parentChange.kind === 'set') {
        parent = await regions.findOne({ where: parentChange.ref, select: ['id', 'code', 'level'] });
        if (!parent) refuseFields([fieldError('parent', 'REGION_CODE_OUTSIDE_PARENT', data.parent, '上级区划不存在')]);
      } else if (parentChange.kind === 'cleared') {
        parent = null;
      }
      const code = data.code ?? stored?.code;
      const level = data.level ?? stored?.level;
      if (code && level) {
        const errors = checkRegionPlacement({ code, level }, parent);
        // A re-coded or re-levelled region must still contain the regions below it.
        if (stored && (code !== stored.code || level !== stored.level)) {
          const children: Array<{ code: string; level: RegionLevel }> = await regions.findMany({ where: { parent: { id: stored.id } }, select: ['code', 'level'] });
          const misplaced = children.filter((child) => checkRegionPlacement(child, { code, level }).length > 0);
          if (misplaced.length) errors.push(fieldError('code', 'REGION_CODE_OUTSIDE_PARENT', code, `下级区划 ${misplaced.map((c) => c.code).join('、')} 将不在其范围内`));
        }
        if (errors.length) refuseFields(errors);
      }

      const result = (await next()) as { id: number; path?: string | null } | null;
      if (!result?.id) return result;
      const path = await (strapi.plugin(PLUGIN_ID).service('region-tree') as RegionTreeService).refreshSubtree(result.id);
      return { ...result, path };
    });
  };
