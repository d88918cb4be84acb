import type { Browser, Page } from 'playwright-core';
import type { Core } from '@strapi/strapi';
import { logIn, openAdminBrowser, startAdminStrapi, stopAdminBrowser } from '../helpers/browser';
import { buildProvince, createItem, PASSWORD } from '../helpers/fixtures';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensureAdminUser } = require('../../scripts/lib/accounts');

/**
 * The content-security panel on an item's edit page, in Debian's chromium: a department reviewer
 * sees the ID number found in the draft (masked), masks and publishes from the panel.
 */
let strapi: Core.Strapi;
let browser: Browser;
let page: Page;
let base: string;
let documentId: string;

const ITEMS = 'api::disclosure-item.disclosure-item';

beforeAll(async () => {
  strapi = await startAdminStrapi('browser-content-security');
  const province = await buildProvince(strapi);
  await ensureAdminUser(strapi, { email: 'masker@example.gov.cn', password: PASSWORD, firstname: '钱', roleCode: 'department-reviewer', organizationDocumentIds: [province.orgs.A.documentId] });
  ({ documentId } = await createItem(strapi, {
    title: '困难群众临时救助对象公示',
    body: '<p>救助对象：王建国，身份证号11010519491231002X。</p>',
    organization: province.orgs.A.documentId,
    category: province.category['plans'],
  }));
  ({ browser, page, base } = await openAdminBrowser(strapi));
}, 180000);

afterAll(() => stopAdminBrowser(browser, strapi));

it('shows the masked finding of the draft and masks and publishes from the panel', async () => {
  await logIn(page, base, 'masker@example.gov.cn');

  await page.goto(`${base}/admin/content-manager/collection-types/${ITEMS}/${documentId}`);
  await page.getByText('内容安全检查').waitFor({ timeout: 60000 });
  await page.getByText('草稿有问题，发布前须处理').waitFor();
  await page.getByText('11*************02X').waitFor();
  await page.getByRole('button', { name: '脱敏并发布' }).click();
  await page.getByText('已脱敏并发布').first().waitFor({ timeout: 30000 });

  const published = await strapi.db.query(ITEMS).findOne({ where: { documentId, publishedAt: { $notNull: true } } });
  expect(published.body).toBe('<p>救助对象：王建国，身份证号11*************02X。</p>');
  const record = await strapi.db.query('plugin::content-security.mask-record').findOne({ where: { targetDocumentId: documentId } });
  expect(record).toMatchObject({ published: true, maskedCount: 1 });
}, 120000);
