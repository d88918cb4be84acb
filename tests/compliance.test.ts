import request from 'supertest';
import ExcelJS from 'exceljs';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from './helpers/strapi';
import { startSmtpCapture } from './helpers/smtp';
import { adminAccount, buildProvince, createItem, superAdmin, UID } from './helpers/fixtures';

/**
 * The compliance dashboard and the annual report on a small province whose right answers are
 * known: timeliness, applications and column dates are written straight to the records (as the demo
 * seeder does) so every figure below follows from this file alone. "Today" is fixed by `today=`.
 */
let strapi: Core.Strapi;
let province: Awaited<ReturnType<typeof buildProvince>>;
let supervisor: { token: string };
let reviewerA: { token: string };
let editorA: { token: string };
let root: { token: string };
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
const TODAY = '2026-11-20';
const APPLICATION = 'plugin::deadlines.application';

const http = () => request(strapi.server.httpServer);
const as = (account: { token: string }) => ({ Authorization: `Bearer ${account.token}` });
const daysBefore = (days: number) => new Date(Date.parse(`${TODAY}T10:00:00+08:00`) - days * 86_400_000);
const summary = (account: { token: string }, query = '') => http().get(`/compliance/summary?today=${TODAY}${query}`).set(as(account));

/** Overwrites what the system derived, as history: timeliness, due date, first publish time, validity. */
const setRecord = (documentId: string, data: Record<string, unknown>) => strapi.db.query(UID.item).updateMany({ where: { documentId }, data });

const item = async (org: string, category: string, data: Record<string, unknown>, record: Record<string, unknown>, publish = true) => {
  const created = await createItem(strapi, { title: `事项 ${Math.random().toString(36).slice(2, 8)}`, organization: org, category, ...data }, publish);
  await setRecord(created.documentId, { timeliness: 'not_applicable', disclosureDueDate: null, ...record });
  return created;
};

let applicationSeq = 0;
const application = (org: { id: number; documentId: string }, data: Record<string, unknown>) =>
  strapi.db.query(APPLICATION).create({
    data: {
      documentId: `app${String(++applicationSeq).padStart(20, '0')}`,
      trackingCode: `YSQ2026${String(applicationSeq).padStart(6, '0')}`,
      channel: 'in_person', applicantType: 'natural_person', applicantName: '张三', idDocumentType: 'resident_id', idNumber: '110101199003070011',
      requestDescription: '测试', deliveryMethod: 'post', format: 'paper', organization: org.id, organizationDocumentId: org.documentId,
      dueSoon: false, overdue: false, daysLate: 0, ...data,
    },
  });

let lateItem: string;
let siteA: string;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_HOST = '127.0.0.1';
  process.env.SMTP_PORT = String(smtp.port);
  strapi = await startStrapi('compliance');
  province = await buildProvince(strapi);
  const { A, B, C } = province.orgs;
  const cat = province.category;
  supervisor = await adminAccount(strapi, 'supervisor@example.gov.cn', 'supervisor');
  reviewerA = await adminAccount(strapi, 'reviewer-a@example.gov.cn', 'department-reviewer', [A.documentId]);
  editorA = await adminAccount(strapi, 'editor-a@example.gov.cn', 'department-editor', [A.documentId]);
  root = await superAdmin(strapi);

  // Timeliness (Art. 26): A 3 on time, 1 late, 1 overdue; B 2 on time; C 1 late.
  const due = { disclosureDueDate: '2026-06-15' };
  for (let i = 0; i < 3; i += 1) await item(A.documentId, cat['major-decisions'], {}, { ...due, timeliness: 'on_time' });
  lateItem = (await item(A.documentId, cat['major-decisions'], { title: '逾期发布的文件' }, { ...due, timeliness: 'late', daysLate: 3 })).documentId;
  await item(A.documentId, cat['major-decisions'], {}, { ...due, timeliness: 'overdue' }, false);
  for (let i = 0; i < 2; i += 1) await item(B.documentId, cat['major-decisions'], {}, { ...due, timeliness: 'on_time' });
  await item(C.documentId, cat['major-decisions'], {}, { ...due, timeliness: 'late', daysLate: 1 });

  // A catalogue document past its expiry date still stored as valid.
  await item(A.documentId, cat['major-decisions'], { title: '已过期文件' }, { expiryDate: '2026-01-01', effectiveDate: '2021-01-01', validity: 'valid' });

  // Table 2 decisions of A in 2026: 2 licensing, 1 penalty.
  for (let i = 0; i < 2; i += 1) await item(A.documentId, cat['licensing-decisions'], {}, { firstPublishedAt: new Date('2026-05-10T02:00:00Z') });
  await item(A.documentId, cat['penalty-decisions'], {}, { firstPublishedAt: new Date('2026-07-10T02:00:00Z') });

  // Sites: A's portal has 5 news columns last updated 30 days ago and 1 fresh one (fails: 5 stale together);
  // B's has a notice column updated 100 days ago, a fresh news column and an empty static column (passes, 1 blank).
  const create = (uid: string, data: Record<string, unknown>) => strapi.documents(uid as never).create({ data } as never) as Promise<any>;
  const s1 = await create('api::site.site', { name: '杭州市发改委网站', code: 'hz-fgw', domain: 'fgw.hangzhou.gov.cn', organization: A.documentId });
  const s2 = await create('api::site.site', { name: '宁波市财政局网站', code: 'nb-czj', domain: 'czj.ningbo.gov.cn', organization: B.documentId });
  siteA = s1.documentId;
  const column = (site: string, code: string, updateClass: string, level = 1) => create('api::column.column', { name: `栏目 ${code}`, code, site, level, updateClass });
  for (let i = 1; i <= 5; i += 1) {
    const c = await column(s1.documentId, `news-${i}`, 'news');
    await item(A.documentId, cat['major-decisions'], { columns: [c.documentId] }, { firstPublishedAt: daysBefore(30) });
  }
  const fresh = await column(s1.documentId, 'news-6', 'news');
  await item(A.documentId, cat['major-decisions'], { columns: [fresh.documentId] }, { firstPublishedAt: daysBefore(3) });
  const notice = await column(s2.documentId, 'notice-1', 'notice');
  await item(B.documentId, cat['major-decisions'], { columns: [notice.documentId] }, { firstPublishedAt: daysBefore(100) });
  const news = await column(s2.documentId, 'news-1', 'news');
  await item(B.documentId, cat['major-decisions'], { columns: [news.documentId] }, { firstPublishedAt: daysBefore(10) });
  await column(s2.documentId, 'about', 'static');

  // Applications: A two running (one due soon, one overdue), two answered (one on time, one late); B one answered on time.
  await application(A, { state: 'open', receivedOn: '2026-11-10', dueDate: '2026-12-08', dueSoon: true });
  await application(A, { state: 'open', receivedOn: '2026-09-01', dueDate: '2026-09-29', overdue: true, daysLate: 30 });
  await application(A, { state: 'closed', receivedOn: '2026-03-02', dueDate: '2026-03-30', resultCode: 'disclosed', resultOn: '2026-03-20', applicantType: 'commercial_enterprise' });
  await application(A, { state: 'answered', receivedOn: '2026-04-01', dueDate: '2026-04-29', resultCode: 'unavailable_not_held', resultOn: '2026-05-10' });
  await application(B, { state: 'closed', receivedOn: '2026-05-06', dueDate: '2026-06-03', resultCode: 'disclosed', resultOn: '2026-06-01' });

  // Review and litigation cases of A in 2026 (table 4).
  for (const [kind, outcome, caseNumber] of [['administrative_review', 'upheld', '杭复〔2026〕1号'], ['administrative_review', 'pending', '杭复〔2026〕2号'], ['litigation_direct', 'corrected', '(2026)浙0106行初1号']]) {
    await strapi.documents('plugin::compliance.review-case' as never).create({ data: { caseNumber, kind, outcome, organization: A.documentId, filedOn: '2026-04-01' } } as never);
  }
  await strapi.documents('plugin::compliance.review-case' as never).create({ data: { caseNumber: '甬复〔2026〕9号', kind: 'administrative_review', outcome: 'upheld', organization: B.documentId, filedOn: '2026-04-01' } } as never);
});
afterAll(async () => {
  await stopStrapi(strapi);
  await smtp.close();
  delete process.env.SMTP_HOST;
  delete process.env.SMTP_PORT;
});

describe('dashboard summary', () => {
  it('answers every panel for the whole province with the known figures', async () => {
    const res = await summary(supervisor);
    expect(res.status).toBe(200);
    const { panels, ranking } = res.body.data;
    expect(panels.timeliness).toMatchObject({ available: true, on_time: 5, late: 2, overdue: 1, due: 8, onTimeRate: 0.625 });
    expect(panels.applications).toMatchObject({ available: true, open: 2, dueSoon: 1, overdue: 1, answered: 3, answeredLate: 1, onTimeRate: 0.6667, byResultCode: { disclosed: 2, unavailable_not_held: 1 } });
    expect(panels.interpretations).toMatchObject({ available: true, requiring: 0, interpreted: 0 });
    expect(panels.regulations).toMatchObject({ available: true, expiring: 0, expiredStillValid: 0, catalogueExpiredStillValid: 1 });
    expect(panels.contentSecurity).toMatchObject({ available: true, findings: { total: 0, open: 0 }, overrides: { total: 0 }, refusals: 0 });
    expect(panels.freshness).toMatchObject({ available: true, sites: 2, failing: 1, staleColumns: 5, blankColumns: 1 });
    const verdictA = panels.freshness.siteVerdicts.find((s: any) => s.documentId === siteA);
    expect(verdictA).toMatchObject({ fails: true, staleTogether: 5, notUpdating: 5, blank: 0, homepageStale: false });
    expect(verdictA.verdict).toContain('将被判定为不合格');
    expect(verdictA.verdict).toContain('共 5 个');
    const verdictB = panels.freshness.siteVerdicts.find((s: any) => s.documentId !== siteA);
    expect(verdictB).toMatchObject({ fails: false, blank: 1, notUpdating: 0 });

    expect(ranking.formula).toContain('合规得分');
    expect(ranking.organizations.map((o: any) => [o.code, o.rank, o.score])).toEqual([
      ['002489001', 1, 100],
      ['002482162', 2, 48.3],
      ['002470011', 3, 0],
      ['002482001', null, null],
    ]);
    expect(ranking.organizations[1].rates).toEqual({ timeliness: 0.6, applications: 0.5, freshness: 0.1667 });
  });

  it('narrows to a region with its descendants, and to one organisation', async () => {
    const region = await summary(supervisor, '&region=330100');
    expect(region.body.data.scope).toMatchObject({ region: { code: '330100' }, organizations: 2 });
    expect(region.body.data.panels.timeliness).toMatchObject({ on_time: 3, late: 2, overdue: 1, onTimeRate: 0.5 });
    expect(region.body.data.panels.applications).toMatchObject({ open: 2, answered: 2, answeredLate: 1 });
    expect(region.body.data.panels.freshness).toMatchObject({ sites: 1, failing: 1 });
    const org = await summary(supervisor, '&organization=002489001');
    expect(org.body.data.panels.timeliness).toMatchObject({ on_time: 2, late: 0, overdue: 0, onTimeRate: 1 });
    expect(org.body.data.panels.applications).toMatchObject({ open: 0, answered: 1, onTimeRate: 1 });
  });

  it('applies the period to due dates and answers', async () => {
    const res = await summary(supervisor, '&from=2026-05-01&to=2026-05-31');
    expect(res.body.data.panels.timeliness).toMatchObject({ on_time: 0, due: 0, onTimeRate: null });
    expect(res.body.data.panels.applications).toMatchObject({ answered: 1, answeredLate: 1, received: 1 });
  });

  it('refuses bad filters naming the field', async () => {
    const res = await summary(supervisor, '&from=2026-13&region=33');
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('DASHBOARD_QUERY_INVALID');
    expect(res.body.error.details.errors.map((e: any) => e.path[0]).sort()).toEqual(['from', 'region']);
    const both = await summary(supervisor, '&region=330100&organization=002489001');
    expect(both.status).toBe(400);
    const missing = await summary(supervisor, '&region=330900');
    expect(missing.status).toBe(404);
  });

  it('refuses department users (403), not just hides the menu', async () => {
    expect((await summary(editorA)).status).toBe(403);
    expect((await summary(reviewerA)).status).toBe(403);
    expect((await http().get('/compliance/entries?panel=timeliness&metric=late').set(as(reviewerA))).status).toBe(403);
    expect((await http().get('/compliance/summary')).status).toBe(401);
    expect((await summary(root)).status).toBe(200);
  });
});

describe('drill-down', () => {
  it('lists the entries behind a figure with their edit links', async () => {
    const res = await http().get(`/compliance/entries?today=${TODAY}&panel=timeliness&metric=late&region=330100`).set(as(supervisor));
    expect(res.status).toBe(200);
    expect(res.body.data.total).toBe(2);
    const entry = res.body.data.items.find((e: any) => e.documentId === lateItem);
    expect(entry).toMatchObject({ title: '逾期发布的文件', organization: '杭州市发展和改革委员会', dueDate: '2026-06-15', daysLate: 3 });
    expect(entry.editUrl).toBe(`/admin/content-manager/collection-types/api::disclosure-item.disclosure-item/${lateItem}`);
  });

  it('drills into applications, stale columns and expired documents', async () => {
    const overdue = await http().get('/compliance/entries?panel=applications&metric=overdue').set(as(supervisor));
    expect(overdue.body.data).toMatchObject({ total: 1, items: [{ dueDate: '2026-09-29', organization: '杭州市发展和改革委员会' }] });
    expect(overdue.body.data.items[0].editUrl).toContain('plugin::deadlines.application/');
    const byCode = await http().get('/compliance/entries?panel=applications&metric=result:disclosed').set(as(supervisor));
    expect(byCode.body.data.total).toBe(2);
    const stale = await http().get(`/compliance/entries?today=${TODAY}&panel=freshness&metric=staleVeto&site=${siteA}`).set(as(supervisor));
    expect(stale.body.data.total).toBe(5);
    expect(stale.body.data.items[0]).toMatchObject({ updateClass: 'news', intervalDays: 14, daysSinceUpdate: 30 });
    expect(stale.body.data.items[0].editUrl).toContain('api::column.column/');
    const blank = await http().get(`/compliance/entries?today=${TODAY}&panel=freshness&metric=blank`).set(as(supervisor));
    expect(blank.body.data.items.map((c: any) => c.title)).toEqual(['栏目 about']);
    const expired = await http().get(`/compliance/entries?today=${TODAY}&panel=regulations&metric=catalogueExpiredStillValid`).set(as(supervisor));
    expect(expired.body.data.items).toMatchObject([{ title: '已过期文件', expiryDate: '2026-01-01' }]);
    const unknown = await http().get('/compliance/entries?panel=timeliness&metric=nonsense').set(as(supervisor));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.code).toBe('DASHBOARD_METRIC_UNKNOWN');
  });

  it('exports the entries as CSV', async () => {
    const res = await http().get(`/compliance/entries?today=${TODAY}&panel=timeliness&metric=on_time&format=csv`).set(as(supervisor));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[0].split(',')).toEqual(expect.arrayContaining(['documentId', 'title', 'organization', 'editUrl']));
  });
});

describe('annual report', () => {
  let reportId: string;

  it('is generated from the records for an organisation and a year', async () => {
    const res = await http().post('/compliance/reports').set(as(reviewerA)).send({ year: 2026, organization: '002482162' });
    expect(res.status).toBe(201);
    const report = res.body.data;
    reportId = report.documentId;
    expect(report).toMatchObject({ reportYear: 2026, templateVersion: '2021', scopeKind: 'organization', scopeName: '杭州市发展和改革委员会', stage: 'draft', violations: [] });
    expect(report.figures.table2).toMatchObject({ licensingDecisions: 2, penaltyDecisions: 1, enforcementDecisions: 0, feesWanYuan: 0, rules: { made: 0, repealed: 0, currentlyValid: 0 } });
    const cells = report.figures.table3.cells;
    expect(cells.new_this_year).toMatchObject({ natural_person: 3, commercial_enterprise: 1, total: 4 });
    expect(cells.handled_total.total).toBe(2);
    expect(cells.carried_out.total).toBe(2);
    expect(cells.disclosed.commercial_enterprise).toBe(1);
    expect(report.figures.table4).toMatchObject({
      administrative_review: { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 },
      litigation_direct: { corrected: 1, total: 1 },
      litigation_after_review: { total: 0 },
    });
  });

  it('refuses a second report of the same scope and year, a year before the 2021 format, and another organisation', async () => {
    const again = await http().post('/compliance/reports').set(as(reviewerA)).send({ year: 2026, organization: '002482162' });
    expect(again.body.error.details.code).toBe('REPORT_EXISTS');
    const old = await http().post('/compliance/reports').set(as(reviewerA)).send({ year: 2019, organization: '002482162' });
    expect(old.status).toBe(400);
    expect(old.body.error.details.code).toBe('REPORT_YEAR_UNSUPPORTED');
    const other = await http().post('/compliance/reports').set(as(reviewerA)).send({ year: 2026, organization: '002489001' });
    expect(other.status).toBe(403);
    const region = await http().post('/compliance/reports').set(as(reviewerA)).send({ year: 2026, region: '330100' });
    expect(region.status).toBe(403);
    const invalid = await http().post('/compliance/reports').set(as(reviewerA)).send({ year: 'x' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.errors.map((e: any) => e.path[0])).toContain('year');
  });

  it('keeps the narrative and fees editable in draft', async () => {
    const res = await http().put(`/compliance/reports/${reportId}`).set(as(reviewerA)).send({ narrative: { overview: '2026年，我委认真贯彻<条例>。', problems: '解读形式单一。' }, feesWanYuan: 1.25 });
    expect(res.status).toBe(200);
    expect(res.body.data.narrative).toMatchObject({ overview: '2026年，我委认真贯彻<条例>。', problems: '解读形式单一。' });
    expect(res.body.data.figures.table2.feesWanYuan).toBe(1.25);
    const bad = await http().put(`/compliance/reports/${reportId}`).set(as(reviewerA)).send({ feesWanYuan: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['feesWanYuan']);
  });

  it('blocks submission while a cross-check fails and shows the violations', async () => {
    // A tampered figure (carried out one too many) breaks new + carried in = handled + carried out.
    const row = await strapi.db.query('plugin::compliance.annual-report').findOne({ where: { documentId: reportId } });
    const figures = JSON.parse(JSON.stringify(row.figures));
    figures.table3.cells.carried_out.natural_person += 1;
    figures.table3.cells.carried_out.total += 1;
    figures.table4.administrative_review.total = 3;
    await strapi.db.query('plugin::compliance.annual-report').update({ where: { id: row.id }, data: { figures } });
    const res = await http().post(`/compliance/reports/${reportId}/submit`).set(as(reviewerA));
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('REPORT_CROSS_CHECK_FAILED');
    const shown = await http().get(`/compliance/reports/${reportId}`).set(as(reviewerA));
    expect(shown.body.data.violations.map((v: any) => [v.code, v.at])).toEqual([
      ['APPLICATION_BALANCE', 'natural_person'],
      ['APPLICATION_BALANCE', 'total'],
      ['REVIEW_TOTAL', 'administrative_review'],
    ]);
    // Regenerating from the records restores consistent figures (and keeps the entered fees).
    const regenerated = await http().post(`/compliance/reports/${reportId}/regenerate`).set(as(reviewerA));
    expect(regenerated.body.data.violations).toEqual([]);
    expect(regenerated.body.data.figures.table2.feesWanYuan).toBe(1.25);
  });

  it('moves draft → submitted → approved → published, each step by its permission', async () => {
    expect((await http().post(`/compliance/reports/${reportId}/publish`).set(as(supervisor))).body.error.details.code).toBe('REPORT_STAGE_INVALID');
    expect((await http().post(`/compliance/reports/${reportId}/submit`).set(as(reviewerA))).body.data.stage).toBe('submitted');
    const edit = await http().put(`/compliance/reports/${reportId}`).set(as(reviewerA)).send({ narrative: { overview: '改' } });
    expect(edit.body.error.details.code).toBe('REPORT_NOT_EDITABLE');
    expect((await http().post(`/compliance/reports/${reportId}/approve`).set(as(reviewerA))).status).toBe(403);
    expect((await http().get(`/api/compliance/annual-reports/${reportId}`)).status).toBe(404);
    expect((await http().post(`/compliance/reports/${reportId}/approve`).set(as(supervisor))).body.data.stage).toBe('approved');
    const published = await http().post(`/compliance/reports/${reportId}/publish`).set(as(supervisor));
    expect(published.body.data.stage).toBe('published');
    expect(published.body.data.history.map((h: any) => h.action)).toEqual(['generate', 'edit', 'edit', 'regenerate', 'submit', 'approve', 'publish'].filter((a, i) => !(a === 'edit' && i === 2)));
  });

  it('is readable by the public once published, without its internal record', async () => {
    const list = await http().get('/api/compliance/annual-reports?year=2026&organization=002482162');
    expect(list.status).toBe(200);
    expect(list.body.data).toMatchObject([{ documentId: reportId, reportYear: 2026, scopeName: '杭州市发展和改革委员会' }]);
    const one = await http().get(`/api/compliance/annual-reports/${reportId}`);
    expect(one.status).toBe(200);
    expect(one.body.data.figures.table2.licensingDecisions).toBe(2);
    expect(one.body.data.history).toBeUndefined();
    expect(one.body.data.violations).toBeUndefined();
    const html = await http().get(`/api/compliance/annual-reports/${reportId}?format=html`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.text).toContain('杭州市发展和改革委员会2026年政府信息公开工作年度报告');
    expect(html.text).toContain('认真贯彻&lt;条例&gt;');
  });

  it('exports an XLSX workbook whose cells carry the figures', async () => {
    const res = await http().get(`/compliance/reports/${reportId}/export?format=xlsx`).set(as(supervisor)).buffer(true).parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    const t2 = workbook.getWorksheet('表二 主动公开')!;
    const licensing = t2.getRows(2, t2.rowCount - 1)!.find((r) => r.getCell(2).value === '行政许可')!;
    expect(licensing.getCell(7).value).toBe(2);
    const fees = t2.getRows(2, t2.rowCount - 1)!.find((r) => r.getCell(2).value === '行政事业性收费')!;
    expect(fees.getCell(7).value).toBe(1.25);
    const t3 = workbook.getWorksheet('表三 依申请公开')!;
    const keys = t3.getRow(2).values as unknown[];
    const newRow = t3.getRows(3, t3.rowCount - 2)!.find((r) => String(r.getCell(2).value).startsWith('本年新收'))!;
    expect(newRow.getCell(keys.indexOf('total')).value).toBe(4);
    const t4 = workbook.getWorksheet('表四 复议诉讼')!;
    expect(t4.getRow(2).values).toEqual([undefined, '行政复议', 1, 0, 0, 1, 2]);
    const text = workbook.getWorksheet('报告正文')!;
    expect(text.getRow(3).getCell(2).value).toBe('2026年，我委认真贯彻<条例>。');
    const wrong = await http().get(`/compliance/reports/${reportId}/export?format=pdf`).set(as(supervisor));
    expect(wrong.body.error.details.code).toBe('EXPORT_FORMAT_INVALID');
  });

  it('lets a supervisor make a region report and keeps department users to their own', async () => {
    const region = await http().post('/compliance/reports').set(as(supervisor)).send({ year: 2026, region: '330000' });
    expect(region.status).toBe(201);
    expect(region.body.data.figures.table4.administrative_review.total).toBe(3);
    expect(region.body.data.figures.table3.cells.new_this_year.total).toBe(5);
    const mine = await http().get('/compliance/reports').set(as(reviewerA));
    expect(mine.body.data.map((r: any) => r.scopeCode)).toEqual(['002482162']);
    expect((await http().get(`/compliance/reports/${region.body.data.documentId}`).set(as(reviewerA))).status).toBe(403);
    const all = await http().get('/compliance/reports').set(as(supervisor));
    expect(all.body.data).toHaveLength(2);
  });
});

describe('annual-report reminders', () => {
  it('e-mails the editors of organisations without a submitted report, once, ahead of 31 January and 31 March', async () => {
    const { B, P } = province.orgs;
    await strapi.db.query(UID.organization).update({ where: { id: P.id }, data: { kind: 'government' } });
    await adminAccount(strapi, 'editor-b@example.gov.cn', 'department-editor', [B.documentId]);
    await adminAccount(strapi, 'office-p@example.gov.cn', 'department-editor', [P.documentId]);
    const reminders = strapi.plugin('compliance').service('reminders') as any;
    expect(await reminders.scan('2026-11-20')).toMatchObject({ due: null, sent: 0 });
    // Departments by 31 January: A has published its 2026 report, C has no editors, B gets one e-mail.
    expect(await reminders.scan('2027-01-20')).toMatchObject({ due: { audience: 'department', deadline: '2027-01-31', reportYear: 2026 }, sent: 1 });
    expect(await reminders.scan('2027-01-21')).toMatchObject({ sent: 0 });
    // Governments by 31 March.
    expect(await reminders.scan('2027-03-31')).toMatchObject({ due: { audience: 'government', deadline: '2027-03-31' }, sent: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.messages.map((m) => m.to)).toEqual([['editor-b@example.gov.cn'], ['office-p@example.gov.cn']]);
  });
});

describe('column activity', () => {
  it('is materialised: a new publish shows after the refresh the job (or an old snapshot) runs', async () => {
    const about = await strapi.db.query('api::column.column').findOne({ where: { code: 'about' } });
    await item(province.orgs.B.documentId, province.category['major-decisions'], { columns: [about.documentId] }, { firstPublishedAt: daysBefore(1) });
    expect((await summary(supervisor)).body.data.panels.freshness.blankColumns).toBe(1);
    await strapi.plugin('compliance').service('column-activity').refresh();
    expect((await summary(supervisor)).body.data.panels.freshness.blankColumns).toBe(0);
  });
});

describe('content-security panel', () => {
  it('counts the findings of the latest scan of each document in scope', async () => {
    const before = (await summary(supervisor)).body.data.panels.contentSecurity;
    // A draft with a mobile number is scanned and reported on save (not blocked: it is not public).
    await createItem(strapi, { title: '联系人名单', organization: province.orgs.A.documentId, category: province.category['plans'], body: '<p>联系人：王五，手机 13812345678。</p>' });
    const after = (await summary(supervisor)).body.data.panels.contentSecurity;
    expect(after.findings.total).toBe(before.findings.total + 1);
    expect(after.documents.withFindings).toBe(before.documents.withFindings + 1);
    expect(after.documents.scanned).toBe(before.documents.scanned + 1);
    const ningbo = (await summary(supervisor, '&organization=002489001')).body.data.panels.contentSecurity;
    expect(ningbo.documents.withFindings).toBe(0);

    // The figure drills down to the document, with its edit link.
    const entries = await http().get('/compliance/entries?panel=contentSecurity&metric=withFindings').set(as(supervisor));
    expect(entries.status).toBe(200);
    expect(entries.body.data.total).toBe(after.documents.withFindings);
    const listed = entries.body.data.items.find((i: { title: string }) => i.title === '联系人名单');
    expect(listed).toMatchObject({ uid: UID.item, organization: province.orgs.A.name, findings: 1, blocking: 1 });
    expect(listed.editUrl).toContain(`${UID.item}/${listed.documentId}`);
    expect((await http().get('/compliance/entries?panel=contentSecurity&metric=overrides').set(as(supervisor))).body.data).toMatchObject({ total: 0, items: [] });
  });
});
