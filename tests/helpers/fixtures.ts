import request from 'supertest';
import type { Core } from '@strapi/strapi';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensureAdminUser } = require('../../scripts/lib/accounts');

export const UID = {
  region: 'api::region.region',
  organization: 'api::organization.organization',
  category: 'api::disclosure-category.disclosure-category',
  item: 'api::disclosure-item.disclosure-item',
} as const;

export const CM_ITEMS = '/content-manager/collection-types/api::disclosure-item.disclosure-item';
export const PASSWORD = 'Test-Passw0rd!';

type Doc = { id: number; documentId: string; [key: string]: any };

/**
 * A small province for the API tests:
 *   浙江省 330000 ── 杭州市 330100 ── 西湖区 330106
 *                └─ 宁波市 330200
 * Organisation A (杭州市发改委) in 330100, B (宁波市财政局) in 330200, C (西湖区政府) in 330106,
 * P (省政府办公厅) in 330000.
 */
export const buildProvince = async (strapi: Core.Strapi) => {
  const create = (uid: string, data: Record<string, unknown>) => strapi.documents(uid as never).create({ data } as never) as Promise<Doc>;
  const province = await create(UID.region, { code: '330000', name: '浙江省', level: 'province' });
  const hangzhou = await create(UID.region, { code: '330100', name: '杭州市', level: 'city', parent: province.documentId });
  const ningbo = await create(UID.region, { code: '330200', name: '宁波市', level: 'city', parent: province.documentId });
  const xihu = await create(UID.region, { code: '330106', name: '西湖区', level: 'county', parent: hangzhou.documentId });

  const orgA = await create(UID.organization, { name: '杭州市发展和改革委员会', shortName: '杭州市发改委', code: '002482162', region: hangzhou.documentId });
  const orgB = await create(UID.organization, { name: '宁波市财政局', shortName: '宁波市财政局', code: '002489001', region: ningbo.documentId });
  const orgC = await create(UID.organization, { name: '杭州市西湖区人民政府', shortName: '西湖区政府', code: '002470011', region: xihu.documentId });
  const orgP = await create(UID.organization, { name: '浙江省人民政府办公厅', shortName: '省政府办公厅', code: '002482001', region: province.documentId });

  const categories = (await strapi.documents(UID.category as never).findMany({ fields: ['code'], limit: 1000 } as never)) as Doc[];
  const category = Object.fromEntries(categories.map((c) => [c.code, c.documentId])) as Record<string, string>;

  return { regions: { province, hangzhou, ningbo, xihu }, orgs: { A: orgA, B: orgB, C: orgC, P: orgP }, category };
};

/** Creates an item through the Document Service (as the system, no scope), optionally published. */
export const createItem = async (strapi: Core.Strapi, data: Record<string, unknown>, publish = false): Promise<Doc> => {
  const documents = strapi.documents(UID.item as never);
  const item = (await documents.create({
    data: { formedDate: '2026-03-02', disclosureAttribute: 'proactive', topic: 'general_affairs', ...data },
  } as never)) as Doc;
  if (publish) await documents.publish({ documentId: item.documentId } as never);
  return item;
};

export const adminAccount = async (
  strapi: Core.Strapi,
  email: string,
  roleCode: string,
  organizationDocumentIds: string[] = []
): Promise<{ token: string; id: number }> => {
  const user = await ensureAdminUser(strapi, { email, password: PASSWORD, firstname: email.split('@')[0], roleCode, organizationDocumentIds });
  const res = await request(strapi.server.httpServer).post('/admin/login').send({ email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.data.token, id: user.id };
};

export const superAdmin = (strapi: Core.Strapi) => adminAccount(strapi, 'root@example.gov.cn', 'strapi-super-admin');
