import type { Browser, Page } from 'playwright-core';
import type { Core } from '@strapi/strapi';
import { logIn, openAdminBrowser, startAdminStrapi, stopAdminBrowser } from '../helpers/browser';
import { buildProvince, PASSWORD } from '../helpers/fixtures';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensureAdminUser } = require('../../scripts/lib/accounts');

/**
 * The handling desk in a real browser (Debian's chromium): a department reviewer logs in, finds an
 * overdue application at the top of the list, opens it, reads the explained due date and records
 * the next step through the form.
 */
let strapi: Core.Strapi;
let browser: Browser;
let page: Page;
let base: string;
let trackingCode: string;

beforeAll(async () => {
  strapi = await startAdminStrapi('browser-desk');
  const province = await buildProvince(strapi);
  await ensureAdminUser(strapi, { email: 'desk@example.gov.cn', password: PASSWORD, firstname: '王', roleCode: 'department-reviewer', organizationDocumentIds: [province.orgs.A.documentId] });
  const applications = strapi.plugin('deadlines').service('applications');
  const form = {
    organization: '002482162', applicantType: 'natural_person', applicantName: '浏览器测试申请人', idDocumentType: 'resident_id', idNumber: '11010519491231002X',
    contact: { phone: '13800001234', address: '杭州市西湖区' }, requestDescription: '申请公开某项目批复', deliveryMethod: 'post', format: 'paper',
  };
  ({ trackingCode } = await applications.register({ ...form, channel: 'in_person', submittedOn: '2026-09-24' }, null));
  await applications.register({ ...form, applicantName: '另一位申请人', channel: 'in_person', submittedOn: '2026-11-20' }, null);
  await strapi.plugin('deadlines').service('notifications').refreshFlags();
  ({ browser, page, base } = await openAdminBrowser(strapi));
}, 180000);

afterAll(() => stopAdminBrowser(browser, strapi));

it('lists the overdue application first and records a step from its page', async () => {
  await logIn(page, base, 'desk@example.gov.cn');

  await page.goto(`${base}/admin/plugins/deadlines`);
  const firstRow = page.locator('tbody tr').first();
  await firstRow.waitFor({ timeout: 60000 });
  await expect(firstRow.textContent()).resolves.toContain(trackingCode);
  await expect(firstRow.textContent()).resolves.toMatch(/已逾期 \d+ 个工作日/);
  expect(await page.locator('tbody tr').count()).toBe(2);

  await firstRow.getByRole('link').click();
  await page.getByText('答复期限：2026-10-29').waitFor({ timeout: 30000 });
  await expect(page.getByText(/2026-10-01（国庆节）/).count()).resolves.toBeGreaterThan(0);

  await page.getByRole('combobox').first().click();
  await page.getByRole('option', { name: '开始征求意见' }).click();
  await page.getByRole('button', { name: '记录' }).click();
  await page.locator('tbody tr', { hasText: '开始征求意见' }).waitFor({ timeout: 30000 });

  const stored = await strapi.db.query('plugin::deadlines.application-event').findMany({ where: { type: 'consultation_started' }, select: ['recordedByName'] });
  expect(stored).toHaveLength(1);
  expect(stored[0].recordedByName).toContain('王');
}, 120000);
