import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../constants';
import type { CatalogueConfig } from '../config';

/** A column without its own interval takes its update class's default; a static column has none. */
export const columnDefaults =
  (strapi: Core.Strapi) =>
  async (context: { uid: string; action: string; params: Record<string, any> }, next: () => Promise<unknown>) => {
    if (context.uid !== UID.column || (context.action !== 'create' && context.action !== 'update')) return next();
    const data = context.params.data;
    if (!data?.updateClass) return next();
    const intervals = strapi.config.get(`plugin::${PLUGIN_ID}.columnUpdateIntervalDays`) as CatalogueConfig['columnUpdateIntervalDays'];
    if (data.updateClass === 'static') data.updateIntervalDays = null;
    else if (data.updateIntervalDays === undefined || data.updateIntervalDays === null || data.updateIntervalDays === '') {
      data.updateIntervalDays = intervals[data.updateClass as keyof typeof intervals] ?? null;
    }
    return next();
  };
