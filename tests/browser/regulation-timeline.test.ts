import type { Browser, Page } from 'playwright-core';
import type { Core } from '@strapi/strapi';
import { logIn, openAdminBrowser, startAdminStrapi, stopAdminBrowser } from '../helpers/browser';
import { buildProvince, PASSWORD } from '../helpers/fixtures';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensureAdminUser } = require('../../scripts/lib/accounts');

/**
 * The version timeline on a regulation's edit page, in Debian's chromium: an editor of the issuing
 * organisation sees the draft, publishes it from the panel, and the regulation becomes 有效.
 */
let strapi: Core.Strapi;
let browser: Browser;
let page: Page;
let base: string;
let documentId: string;

beforeAll(async () => {
  strapi = await startAdminStrapi('browser-regulation');
  const province = await buildProvince(strapi);
  await ensureAdminUser(strapi, { email: 'drafter@example.gov.cn', password: PASSWORD, firstname: '赵', roleCode: 'department-editor', organizationDocumentIds: [province.orgs.A.documentId] });
  ({ documentId } = (await strapi.documents('plugin::regulation-versions.regulation' as never).create({
    data: { title: '杭州市公共数据管理办法', kind: 'normative_document', organization: province.orgs.A.documentId },
  } as never)) as unknown as { documentId: string });
  await strapi.plugin('regulation-versions').service('regulations').addVersion(
    documentId,
    { change: 'original', text: '第一条 为了规范公共数据管理，制定本办法。\n第二条 本办法自2023年1月1日起施行。', actDocumentNumber: '杭政发〔2022〕30号', actDate: '2022-11-20', publishedOn: '2022-11-25', effectiveOn: '2023-01-01' },
    null
  );
  ({ browser, page, base } = await openAdminBrowser(strapi));
}, 180000);

afterAll(() => stopAdminBrowser(browser, strapi));

it('publishes a draft version from the timeline panel', async () => {
  await logIn(page, base, 'drafter@example.gov.cn');

  await page.goto(`${base}/admin/content-manager/collection-types/plugin::regulation-versions.regulation/${documentId}`);
  await page.getByText('版本时间线').waitFor({ timeout: 60000 });
  await page.getByText('第1版 · 原始文件').waitFor();
  await page.getByRole('button', { name: '发布此版本' }).click();
  await page.getByText('赵 发布').waitFor({ timeout: 30000 });

  const version = await strapi.db.query('plugin::regulation-versions.regulation-version').findOne({ where: { regulation: { documentId } } });
  expect(version.draft).toBe(false);
  const regulation = await strapi.db.query('plugin::regulation-versions.regulation').findOne({ where: { documentId } });
  expect(regulation.validity).toBe('valid');
}, 120000);
