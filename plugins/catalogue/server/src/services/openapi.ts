import type { Core } from '@strapi/strapi';
import { generate } from '@strapi/openapi';
import { PLUGIN_ID, PUBLIC_CONTENT_UIDS } from '../constants';

type OpenApiDocument = { paths?: Record<string, Record<string, any>>; info?: Record<string, unknown>; [key: string]: unknown };

const shorthandParameters = [
  { name: 'organization', in: 'query', description: '机关代码（organisation code）', schema: { type: 'string', pattern: '^[0-9A-Z]{6,18}$' } },
  { name: 'region', in: 'query', description: '行政区划代码，含全部下级区划（division code, descendants included）', schema: { type: 'string', pattern: '^\\d{6}(\\d{3}){0,2}$' } },
  { name: 'category', in: 'query', description: '公开目录分类代码，含子分类（category code, sub-categories included）', schema: { type: 'string' } },
  { name: 'from', in: 'query', description: '首次发布日期起（含），YYYY-MM-DD, Asia/Shanghai', schema: { type: 'string', format: 'date' } },
  { name: 'to', in: 'query', description: '首次发布日期止（含），YYYY-MM-DD, Asia/Shanghai', schema: { type: 'string', format: 'date' } },
  { name: 'q', in: 'query', description: '关键词：标题、概述、主题词、文号、索引号', schema: { type: 'string', maxLength: 100 } },
  { name: 'validity', in: 'query', description: '有效性', schema: { type: 'string', enum: ['not_yet_effective', 'valid', 'amended', 'partially_invalid', 'invalid'] } },
];

/**
 * The OpenAPI description of the public endpoints: Strapi's generated content-API document, cut
 * down to the read operations the public may call, with the catalogue's own parameters added.
 */
const openapi = ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: OpenApiDocument | null = null;

  const publicPrefixes = () => [
    ...PUBLIC_CONTENT_UIDS.map((uid) => `/${strapi.contentType(uid as never).info.pluralName}`),
    `/${PLUGIN_ID}/`,
  ];

  return {
    document(): OpenApiDocument {
      if (cached) return cached;
      const generated = generate(strapi, { type: 'content-api' }).document as OpenApiDocument;
      const prefixes = publicPrefixes();
      const paths: Record<string, Record<string, any>> = {};
      for (const [path, item] of Object.entries(generated.paths ?? {})) {
        if (!item?.get || !prefixes.some((prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`))) continue;
        paths[path] = { get: item.get };
      }
      const list = paths[`/${strapi.contentType('api::disclosure-item.disclosure-item' as never).info.pluralName}`]?.get;
      if (list) list.parameters = [...(list.parameters ?? []), ...shorthandParameters];
      const plans = paths[`/${PLUGIN_ID}/plans`]?.get;
      if (plans) {
        plans.summary = '规划汇总：某行政区划及其全部下级区划、所属机关发布的全部规划';
        plans.parameters = [...(plans.parameters ?? []), ...shorthandParameters.filter((p) => p.name !== 'category')];
      }
      cached = {
        ...generated,
        info: { ...(generated.info ?? {}), title: '政务公开 公共接口 (public API)', description: 'Published, proactively disclosed content only. Drafts and internal fields never appear.' },
        paths,
      };
      return cached;
    },
  };
};

export type OpenApiService = ReturnType<typeof openapi>;
export default openapi;
