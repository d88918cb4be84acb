import fs from 'fs';
import path from 'path';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import type { Core } from '@strapi/strapi';
import { logIn, openAdminBrowser, startAdminStrapi, stopAdminBrowser } from '../helpers/browser';
import { adminAccount, buildProvince, createItem, UID } from '../helpers/fixtures';

/**
 * The supervisors' dashboard in Debian's chromium: the figures on the page are the API's, a figure
 * opens the entries behind it with their edit links, the entries export as CSV, and a screenshot
 * is kept under tests/artifacts/.
 */
let strapi: Core.Strapi;
let browser: Browser;
let page: Page;
let base: string;
let supervisor: { token: string };
const artifacts = path.resolve(__dirname, '..', 'artifacts');

beforeAll(async () => {
  strapi = await startAdminStrapi('browser-compliance');
  const province = await buildProvince(strapi);
  const { A, B } = province.orgs;
  const item = async (org: string, timeliness: string, title: string) => {
    const created = await createItem(strapi, { title, organization: org, category: province.category['major-decisions'] }, timeliness !== 'overdue');
    await strapi.db.query(UID.item).updateMany({ where: { documentId: created.documentId }, data: { timeliness, disclosureDueDate: '2026-06-15' } });
  };
  await item(A.documentId, 'on_time', '杭州市重大决策事项一');
  await item(A.documentId, 'on_time', '杭州市重大决策事项二');
  await item(A.documentId, 'late', '杭州市逾期发布的决策');
  await item(B.documentId, 'late', '宁波市逾期发布的决策');
  await item(B.documentId, 'overdue', '宁波市逾期未发布的决策');
  supervisor = await adminAccount(strapi, 'supervisor@example.gov.cn', 'supervisor');
  ({ browser, page, base } = await openAdminBrowser(strapi));
}, 180000);

afterAll(() => stopAdminBrowser(browser, strapi));

it('shows the API figures, drills into one and exports its entries as CSV', async () => {
  const api = (await request(strapi.server.httpServer).get('/compliance/summary').set({ Authorization: `Bearer ${supervisor.token}` })).body.data;
  expect(api.panels.timeliness).toMatchObject({ on_time: 2, late: 2, overdue: 1 });

  await logIn(page, base, 'supervisor@example.gov.cn');
  await page.goto(`${base}/admin/plugins/compliance`);
  await page.getByText('政务公开督查看板').waitFor({ timeout: 60000 });
  const figure = (id: string) => page.getByTestId(id).innerText();
  await page.getByTestId('figure-timeliness-on_time').waitFor({ timeout: 60000 });
  expect(await figure('figure-timeliness-on_time')).toBe(String(api.panels.timeliness.on_time));
  expect(await figure('figure-timeliness-late')).toBe(String(api.panels.timeliness.late));
  expect(await figure('figure-timeliness-overdue')).toBe(String(api.panels.timeliness.overdue));
  expect(await figure('figure-timeliness-rate')).toBe(`${(api.panels.timeliness.onTimeRate * 100).toFixed(1)}%`);
  expect(await figure('figure-freshness-sites')).toBe(String(api.panels.freshness.sites));
  expect(await figure('figure-security-findings')).toBe(String(api.panels.contentSecurity.findings.total));
  expect(await page.getByTestId('score-formula').innerText()).toBe(api.ranking.formula);
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'compliance-dashboard.png'), fullPage: true });

  await page.getByTestId('figure-timeliness-late').click();
  await page.getByTestId('drill-row').first().waitFor({ timeout: 30000 });
  expect(await page.getByTestId('drill-row').count()).toBe(2);
  const titles = await page.getByTestId('drill-row').allInnerTexts();
  expect(titles.join('\n')).toContain('杭州市逾期发布的决策');
  expect(titles.join('\n')).toContain('宁波市逾期发布的决策');
  const href = await page.getByTestId('drill-edit-link').first().getAttribute('href');
  expect(href).toMatch(/^\/admin\/content-manager\/collection-types\/api::disclosure-item\.disclosure-item\/[a-z0-9]+$/);
  await page.screenshot({ path: path.join(artifacts, 'compliance-dashboard-drill.png') });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-drill').click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(csv[0]).toBe('名称,机关,日期,编辑链接');
  expect(csv).toHaveLength(3);
  expect(csv.slice(1).join('\n')).toContain('宁波市逾期发布的决策,宁波市财政局,2026-06-15,/admin/content-manager/collection-types/api::disclosure-item.disclosure-item/');
}, 180000);

it('generates an annual report from the reports page and downloads its XLSX', async () => {
  await page.goto(`${base}/admin/plugins/compliance/reports`);
  await page.getByText('政府信息公开工作年度报告').first().waitFor({ timeout: 60000 });
  await page.locator('input[name=year]').fill('2026');
  await page.locator('input[name=target]').fill('002482162');
  await page.getByRole('button', { name: '生成报告' }).click();
  await page.getByText('杭州市发展和改革委员会2026年政府信息公开工作年度报告').waitFor({ timeout: 30000 });
  await page.getByText('状态：草稿').waitFor();
  const stored = await strapi.db.query('plugin::compliance.annual-report').findOne({ where: { reportYear: 2026, scopeCode: '002482162' } });
  expect(stored.stage).toBe('draft');
  await page.screenshot({ path: path.join(artifacts, 'compliance-annual-report.png'), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 XLSX' }).click()]);
  const file = fs.readFileSync((await download.path())!);
  expect(file.subarray(0, 2).toString()).toBe('PK');
}, 120000);
