import type { Browser, Page } from 'playwright-core';
import type { Core } from '@strapi/strapi';
import { logIn, openAdminBrowser, startAdminStrapi, stopAdminBrowser } from '../helpers/browser';
import { buildProvince, createItem, PASSWORD } from '../helpers/fixtures';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensureAdminUser } = require('../../scripts/lib/accounts');

/**
 * 三同步 in a real browser: a department reviewer opens a policy that needs an interpretation, sees
 * its draft interpretation on the policy's page, and takes it through submit, approve and publish
 * from the panel; policy and interpretation go public together.
 */
let strapi: Core.Strapi;
let browser: Browser;
let page: Page;
let base: string;
let policy: { documentId: string };
let interpretation: { documentId: string };

const ITEMS = 'api::disclosure-item.disclosure-item';
const INTERPRETATIONS = 'plugin::policy-linkage.interpretation';

beforeAll(async () => {
  strapi = await startAdminStrapi('browser-policy-review');
  const province = await buildProvince(strapi);
  await ensureAdminUser(strapi, { email: 'review@example.gov.cn', password: PASSWORD, firstname: '李', roleCode: 'department-reviewer', organizationDocumentIds: [province.orgs.A.documentId] });
  policy = await createItem(strapi, { title: '关于支持民营企业发展的若干措施', organization: province.orgs.A.documentId, category: province.category['important-policies'], body: '第一条 对新设企业给予补助。' });
  interpretation = (await strapi.documents(INTERPRETATIONS as never).create({
    data: {
      title: '《关于支持民营企业发展的若干措施》解读',
      policy: policy.documentId,
      form: 'text',
      background: '民营企业融资难问题仍然突出。',
      purpose: '稳定预期，增强信心。',
      keyMeasures: '设立补助和奖励两项措施，网上即可申请。',
    },
  } as never)) as { documentId: string };
  ({ browser, page, base } = await openAdminBrowser(strapi));
}, 180000);

afterAll(() => stopAdminBrowser(browser, strapi));

it('takes a policy and its interpretation through review and releases them together', async () => {
  await logIn(page, base, 'review@example.gov.cn');
  await page.goto(`${base}/admin/content-manager/collection-types/${ITEMS}/${policy.documentId}`);
  const panel = page.locator('div', { has: page.getByText('政策解读（三同步）', { exact: true }) }).last();
  await panel.waitFor({ timeout: 60000 });
  await expect(panel.textContent()).resolves.toContain('须同步解读');
  await expect(panel.textContent()).resolves.toContain('《关于支持民营企业发展的若干措施》解读');

  for (const [button, stage] of [['提交审核', '待审核'], ['审核通过（连同解读）', '审核通过'], ['发布（连同解读）', '已发布']]) {
    await page.getByRole('button', { name: button }).click();
    await page.getByText(`审核状态：${stage}`).waitFor({ timeout: 30000 });
  }
  await page.screenshot({ path: '.tmp/policy-review.png', fullPage: true });

  const published = async (uid: string, documentId: string) => strapi.db.query(uid).count({ where: { documentId, publishedAt: { $notNull: true } } });
  expect([await published(ITEMS, policy.documentId), await published(INTERPRETATIONS, interpretation.documentId)]).toEqual([1, 1]);
});
