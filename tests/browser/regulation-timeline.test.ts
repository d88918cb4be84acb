import { chromium, type Browser, type Page } from 'playwright-core';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from '../helpers/strapi';
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
  process.env.PORT = '0';
  strapi = await startStrapi('browser-regulation', { serveAdminPanel: true });
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
  await strapi.listen();
  base = `http://127.0.0.1:${(strapi.server.httpServer.address() as { port: number }).port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
}, 180000);

afterAll(async () => {
  await browser?.close();
  await stopStrapi(strapi);
  delete process.env.PORT;
});

it('publishes a draft version from the timeline panel', async () => {
  await page.goto(`${base}/admin/auth/login`);
  await page.fill('input[name=email]', 'drafter@example.gov.cn');
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/admin(\/)?$/, { timeout: 60000 });

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
