import { factories } from '@strapi/strapi';
import { pagination as paginationUtils } from '@strapi/utils';

const UID = 'api::disclosure-item.disclosure-item';
const NO_COUNT = new Set([false, 'false', 'f', '0', 0]);

type Pagination = { page?: number; pageSize?: number; start?: number; limit?: number; pageCount?: number; total?: number };

/**
 * The public list asks for a page and for the total. Strapi reads them one after the other; they
 * are independent reads (each through the Document Service and its middlewares, on its own pooled
 * connection), so here they run at the same time: the list's latency is the slower of the two,
 * not their sum.
 */
export default factories.createCoreService(UID, ({ strapi }) => ({
  async find(params: Record<string, any> = {}) {
    if (NO_COUNT.has(params.pagination?.withCount) || !strapi.config.get('api.rest.withCount', true)) return super.find(params);
    const total = strapi.documents(UID).count(this.getFetchParams(params) as never);
    const [page, count] = await Promise.all([super.find({ ...params, pagination: { ...params.pagination, withCount: false } }), total]);
    const info = page.pagination as Pagination;
    const paged = info.page !== undefined;
    const start = paged ? ((info.page ?? 1) - 1) * (info.pageSize ?? 0) : (info.start ?? 0);
    const limit = paged ? (info.pageSize ?? 0) : (info.limit ?? 0);
    const pagination = paged ? paginationUtils.transformPagedPaginationInfo({ start, limit }, count) : paginationUtils.transformOffsetPaginationInfo({ start, limit }, count);
    return { ...page, pagination };
  },
}));
