import ExcelJS from 'exceljs';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from './helpers/strapi';
import { adminAccount, buildProvince, CM_ITEMS, createItem, superAdmin } from './helpers/fixtures';

let strapi: Core.Strapi;
let province: Awaited<ReturnType<typeof buildProvince>>;
let root: { token: string };
let reviewerA: { token: string };
let editorA: { token: string };
let supervisor: { token: string };

const http = () => request(strapi.server.httpServer);
const as = (account: { token: string }) => ({ Authorization: `Bearer ${account.token}` });
const ITEMS = 'api::disclosure-item.disclosure-item';
const REGULATION = 'plugin::regulation-versions.regulation';
const INTERPRETATION = 'plugin::policy-linkage.interpretation';
const CM_REGULATIONS = `/content-manager/collection-types/${REGULATION}`;
const SECURITY = '/content-security';

/** Resident ID numbers with a correct check digit (GB 11643), born 1950-1990. */
const checkDigit = (first17: string) => '10X98765432'[[...first17].reduce((sum, d, i) => sum + Number(d) * [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][i], 0) % 11];
const validId = (first17: string) => first17 + checkDigit(first17);
const IDS = ['33010619500412301', '33010619620830452', '33012719781105063', '33010619900307123'].map(validId);
/** The same numbers with the check digit off by one: long numbers that only look like IDs. */
const BAD_IDS = IDS.map((id) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1'));

const upload = async (name: string, buffer: Buffer, mime: string) => {
  const res = await http().post('/upload').set(as(root)).attach('files', buffer, { filename: name, contentType: mime });
  expect(res.status).toBe(201);
  return res.body[0] as { id: number; name: string; url: string };
};

const subsidyListXlsx = async (ids: string[]) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('发放名单');
  sheet.addRow(['序号', '姓名', '身份证号', '家庭住址', '补助金额（元）']);
  ids.forEach((id, i) => sheet.addRow([i + 1, ['王建国', '李秀英', '张伟', '陈静'][i], id, `西湖区转塘街道双流村${i + 1}组${12 + i}号`, 1200]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

const draftItem = async (account: { token: string }, data: Record<string, unknown>) => {
  const res = await http()
    .post(CM_ITEMS)
    .set(as(account))
    .send({ organization: province.orgs.A.documentId, category: province.category['plans'], formedDate: '2026-05-06', ...data });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
const publishItem = (account: { token: string }, documentId: string) => http().post(`${CM_ITEMS}/${documentId}/actions/publish`).set(as(account)).send({});
const publishedRows = (documentId: string) => strapi.db.query(ITEMS).count({ where: { documentId, publishedAt: { $notNull: true } } });
const results = async (uid: string, documentId: string) => {
  // A refusal is stored right after the rollback; give it a moment.
  await new Promise((resolve) => setTimeout(resolve, 150));
  const res = await http().get(`${SECURITY}/results`).query({ uid, documentId }).set(as(reviewerA));
  expect(res.status).toBe(200);
  return res.body.data as Array<{ trigger: string; outcome: string; blockingCode: string | null; findings: Array<{ type: string; preview: string }> }>;
};

beforeAll(async () => {
  strapi = await startStrapi('content-security');
  province = await buildProvince(strapi);
  root = await superAdmin(strapi);
  reviewerA = await adminAccount(strapi, 'reviewer-a@example.gov.cn', 'department-reviewer', [province.orgs.A.documentId]);
  editorA = await adminAccount(strapi, 'editor-a@example.gov.cn', 'department-editor', [province.orgs.A.documentId]);
  supervisor = await adminAccount(strapi, 'supervisor@example.gov.cn', 'supervisor');
});
afterAll(async () => {
  await stopStrapi(strapi);
});

describe('which content types are gated', () => {
  it('covers the configured disclosure types that exist, and any type that opts in through its schema', () => {
    const gate = strapi.plugin('content-security').service('gate') as { gatedContentTypes(): string[] };
    const expected = [ITEMS, REGULATION, 'plugin::regulation-versions.regulation-version', INTERPRETATION];
    expect(gate.gatedContentTypes().sort()).toEqual(expected.sort());
    const column = strapi.contentTypes['api::column.column' as never] as { pluginOptions?: Record<string, unknown> };
    const before = column.pluginOptions;
    column.pluginOptions = { ...(before ?? {}), 'content-security': { scan: true } };
    try {
      expect(gate.gatedContentTypes()).toContain('api::column.column');
    } finally {
      column.pluginOptions = before;
    }
  });
});

describe('personal data in a subsidy list (XLSX attachment)', () => {
  let documentId: string;
  let file: { id: number; name: string };

  beforeAll(async () => {
    file = await upload('2026年高龄津贴发放名单.xlsx', await subsidyListXlsx(IDS), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    documentId = await draftItem(reviewerA, { title: '关于2026年第一季度高龄津贴发放情况的公示', summary: '现将发放名单公示如下。', attachments: [file.id] });
  });

  it('lets the draft be saved and reports the findings on it', async () => {
    const [latest] = await results(ITEMS, documentId);
    expect(latest).toMatchObject({ trigger: 'create', outcome: 'reported', blockingCode: 'PERSONAL_DATA_FOUND' });
    expect(latest.findings.filter((f) => f.type === 'id_number')).toHaveLength(4);
  });

  it('refuses publication with every finding: type, attachment, sheet, row, column and masked preview', async () => {
    const res = await publishItem(reviewerA, documentId);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.code).toBe('PERSONAL_DATA_FOUND');
    const findings = res.body.error.details.findings as Array<{ type: string; location: any; preview: string }>;
    const ids = findings.filter((f) => f.type === 'id_number');
    expect(ids).toHaveLength(4);
    expect(ids[0].location).toEqual({ attachment: { id: file.id, name: file.name }, sheet: '发放名单', row: 2, column: 'C' });
    expect(ids.map((f) => f.preview)).toEqual(IDS.map((id) => `33*************${id.slice(-3)}`));
    expect(findings.filter((f) => f.type === 'address').map((f) => f.location.column)).toEqual(['D', 'D', 'D', 'D']);
    expect(JSON.stringify(res.body)).not.toContain(IDS[0]);
    expect(await publishedRows(documentId)).toBe(0);
    const stored = await results(ITEMS, documentId);
    expect(stored[0]).toMatchObject({ trigger: 'publish', outcome: 'blocked', blockingCode: 'PERSONAL_DATA_FOUND' });
  });

  it('will not mask an attachment: it must be replaced', async () => {
    const res = await http().post(`${SECURITY}/mask`).set(as(reviewerA)).send({ uid: ITEMS, documentId });
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('ATTACHMENT_PERSONAL_DATA');
    expect(await publishedRows(documentId)).toBe(0);
  });

  it('publishes once the attachment is replaced by a masked list', async () => {
    const masked = await upload('2026年高龄津贴发放名单（脱敏）.csv', Buffer.from(`序号,姓名,身份证号,补助金额（元）\n1,王*国,${IDS[0].slice(0, 2)}*************${IDS[0].slice(-3)},1200\n`), 'text/csv');
    expect((await http().put(`${CM_ITEMS}/${documentId}`).set(as(reviewerA)).send({ attachments: [masked.id] })).status).toBe(200);
    const res = await publishItem(reviewerA, documentId);
    expect(res.status).toBe(200);
    expect(await publishedRows(documentId)).toBe(1);
  });
});

/** A one-page PDF (Helvetica, ASCII text), one line per entry. */
const pdfWith = (lines: string[]) => {
  const stream = `BT /F1 12 Tf 72 720 Td 14 TL ${lines.map((l) => `(${l}) Tj T*`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
};

describe('personal data in a PDF attachment', () => {
  it('is located by page and line', async () => {
    const pdf = await upload('low-income-households.pdf', pdfWith(['Low-income households 2026', `1 Wang Jianguo ${IDS[1]} 13812341234`]), 'application/pdf');
    const documentId = await draftItem(reviewerA, { title: '2026年低收入农户认定名单', attachments: [pdf.id] });
    const res = await publishItem(reviewerA, documentId);
    expect(res.status).toBe(400);
    const findings = res.body.error.details.findings as Array<{ type: string; location: any; preview: string }>;
    expect(findings.map((f) => [f.type, f.location.page, f.location.line, f.preview])).toEqual([
      ['id_number', 1, 2, `33*************${IDS[1].slice(-3)}`],
      ['mobile', 1, 2, '138****1234'],
    ]);
  });
});

describe('mask and publish (personal data in the text)', () => {
  it('masks IDs, mobiles and the listed names, records it, and publishes', async () => {
    const body = `<p>经审核，以下人员符合条件：</p><table><tr><td>姓名</td><td>身份证号</td><td>联系电话</td></tr><tr><td>王建国</td><td>${IDS[0]}</td><td>13812341234</td></tr></table>`;
    const documentId = await draftItem(editorA, { title: '困难群众临时救助名单公示', body });
    // An editor may mask but not publish.
    const byEditor = await http().post(`${SECURITY}/mask`).set(as(editorA)).send({ uid: ITEMS, documentId, publish: true });
    expect(byEditor.status).toBe(403);
    expect(byEditor.body.error.details.code).toBe('PUBLISH_NOT_ALLOWED');

    const res = await http().post(`${SECURITY}/mask`).set(as(reviewerA)).send({ uid: ITEMS, documentId });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ fields: ['body'], published: true });
    expect(res.body.data.masked.map((m: { type: string }) => m.type).sort()).toEqual(['id_number', 'mobile', 'name']);
    const published = await strapi.db.query(ITEMS).findOne({ where: { documentId, publishedAt: { $notNull: true } } });
    expect(published.body).toContain(`<td>王*国</td><td>33*************${IDS[0].slice(-3)}</td><td>138****1234</td>`);
    expect(published.body).not.toContain(IDS[0]);
    const record = await strapi.db.query('plugin::content-security.mask-record').findOne({ where: { targetDocumentId: documentId } });
    expect(record).toMatchObject({ maskedCount: 3, published: true, maskedByName: expect.stringContaining('reviewer-a') });
  });
});

describe('injected spam and hidden links', () => {
  it('refuses a news item with a hidden link', async () => {
    const body = '<p>3月12日，市发改委召开全市重大项目推进会。<span style="position:absolute;left:-9999px"><a href="https://www.xpj-example.com/">新葡京</a></span>会议强调要抓好项目落地。</p>';
    const documentId = await draftItem(reviewerA, { title: '全市重大项目推进会召开', body });
    const res = await publishItem(reviewerA, documentId);
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('HIDDEN_CONTENT_FOUND');
    const findings = res.body.error.details.findings as Array<{ type: string; detail: string; location: { field: string } }>;
    expect(findings.map((f) => [f.type, f.detail])).toEqual(
      expect.arrayContaining([['hidden_element', 'off_screen'], ['external_link', 'www.xpj-example.com']])
    );
    expect(findings.every((f) => f.location.field === 'body')).toBe(true);
    expect(await publishedRows(documentId)).toBe(0);
  });

  const SPLICED = '为进一步优化营商环境，开云体育app下载，市政府决定开展政策解读工作。';

  it('refuses an app-download ad spliced into a sentence of a disclosure item (created straight to published)', async () => {
    const res = await http()
      .post(CM_ITEMS)
      .set(as(reviewerA))
      .send({ title: '关于优化营商环境若干措施的解读', body: `<p>${SPLICED}</p>`, organization: province.orgs.A.documentId, category: province.category['plans'], formedDate: '2026-05-06' });
    expect(res.status).toBe(201); // a draft is saved
    const published = await publishItem(reviewerA, res.body.data.documentId);
    expect(published.status).toBe(400);
    expect(published.body.error.details.code).toBe('SPAM_CONTENT_FOUND');
    expect(published.body.error.details.findings[0]).toMatchObject({ type: 'ad_splice', preview: expect.stringContaining('【开云体育app下载】') });
  });

  it('refuses the same text in a regulation (a type without drafts: every save is public)', async () => {
    const res = await http().post(CM_REGULATIONS).set(as(editorA)).send({ title: `杭州市营商环境条例（${SPLICED}）`, kind: 'rule', organization: province.orgs.A.documentId });
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('SPAM_CONTENT_FOUND');
    expect(await strapi.db.query(REGULATION).count({})).toBe(0);
  });

  it('refuses a regulation version released with the ad in its text', async () => {
    const created = await http().post(CM_REGULATIONS).set(as(editorA)).send({ title: '杭州市数据条例', kind: 'rule', organization: province.orgs.A.documentId });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    const draft = await http().post(`/regulation-versions/regulations/${id}/versions`).set(as(editorA)).send({ change: 'original', text: `第一条 ${SPLICED}\n第二条 本条例自2026年1月1日起施行。`, actDocumentNumber: '杭州市人民政府令第1号', actDate: '2025-11-20', publishedOn: '2025-11-25', effectiveOn: '2026-01-01' });
    expect(draft.status).toBe(201);
    const released = await http().post(`/regulation-versions/regulations/${id}/versions/1/publish`).set(as(editorA)).send({});
    expect(released.status).toBe(400);
    expect(released.body.error.details.code).toBe('SPAM_CONTENT_FOUND');
    expect(await strapi.db.query('plugin::regulation-versions.regulation-version').count({ where: { draft: false } })).toBe(0);
  });

  it('refuses an interpretation with the ad spliced into a sentence, and holds back its policy with it', async () => {
    const policy = await createItem(strapi, { title: '关于促进数字经济发展的若干措施', organization: province.orgs.A.documentId, category: province.category['important-policies'], body: '第一条 支持数字经济企业发展。' });
    const interpretation = (await strapi.documents(INTERPRETATION as never).create({
      data: {
        title: '《关于促进数字经济发展的若干措施》解读',
        policy: policy.documentId,
        form: 'text',
        background: '我市数字经济规模持续扩大，但企业上云用数仍有不足。',
        purpose: '明确扶持方向，稳定企业预期。',
        keyMeasures: `<p>${SPLICED}</p><p>主要举措包括算力补贴和数据要素流通试点。</p>`,
      },
    } as never)) as { documentId: string };
    const policies = strapi.plugin('policy-linkage').service('policies');
    await policies.actOnPolicy('submit', policy.documentId, null);
    await policies.actOnPolicy('approve', policy.documentId, null);

    // 同步部署: the gate refuses the interpretation inside the joint release, so the policy stays unpublished too.
    const released = await http().post(`/policy-linkage/policies/${policy.documentId}/publish`).set(as(reviewerA)).send({});
    expect(released.status).toBe(400);
    expect(released.body.error.details.code).toBe('SPAM_CONTENT_FOUND');
    const published = (uid: string, documentId: string) => strapi.db.query(uid).count({ where: { documentId, publishedAt: { $notNull: true } } });
    expect([await published(ITEMS, policy.documentId), await published(INTERPRETATION, interpretation.documentId)]).toEqual([0, 0]);
  });
});

describe('no false positives', () => {
  it('publishes document numbers, index numbers, dates, amounts, office phones, invalid-checksum IDs and a budget table', async () => {
    const budget = await upload('2026年部门预算表.csv', Buffer.from('项目,2025年决算数（万元）,2026年预算数（万元）,增长\n一般公共预算收入,1234567.89,1334567.12,8.1%\n政府性基金收入,456789.00,498765.43,9.2%\n项目编码,330106202600001234,330106202600001235,\n'), 'text/csv');
    const body = [
      '<p>根据《国务院办公厅关于印发全国深化“放管服”改革实施方案的通知》（国办发〔2021〕12号）和浙政办发〔2026〕3号，索引号000014349/2018-00222。</p>',
      '<p>成文日期：2026-03-02（20260302），全年预算1234567890123456.78元，合计4512345678901234元。</p>',
      `<p>咨询电话：0571-87654321，传真 0571-87654322。合同编号 ${BAD_IDS[0]}、${BAD_IDS[1]}，流水号 6222021234567890123。</p>`,
      '<p>本机关地址：杭州市解放东路18号。详见<a href="https://www.zj.gov.cn/art/2026/3/2/art_1.html">浙江省人民政府网站</a>。</p>',
    ].join('\n');
    const documentId = await draftItem(reviewerA, { title: '杭州市发展和改革委员会2026年部门预算', documentNumber: '杭发改财〔2026〕15号', body, attachments: [budget.id] });
    const res = await publishItem(reviewerA, documentId);
    expect(res.body.error).toBeUndefined();
    expect(res.status).toBe(200);
    const [latest] = await results(ITEMS, documentId);
    expect(latest).toMatchObject({ trigger: 'publish', outcome: 'clean', findings: [] });
  });
});

describe('supervisor overrides', () => {
  it('lets a supervisor override a single finding with a written reason, audited', async () => {
    const documentId = await draftItem(reviewerA, { title: '12345热线工单办理情况', body: '<p>投诉人联系电话13900001111已回访。</p>' });
    const blocked = await publishItem(reviewerA, documentId);
    expect(blocked.status).toBe(400);
    const [finding] = blocked.body.error.details.findings;
    expect(finding).toMatchObject({ type: 'mobile', preview: '139****1111' });

    const byEditor = await http().post(`${SECURITY}/overrides`).set(as(editorA)).send({ uid: ITEMS, documentId, fingerprint: finding.fingerprint, reason: '号码为单位公开的服务号码，经核实可以公开' });
    expect(byEditor.status).toBe(403);
    const noReason = await http().post(`${SECURITY}/overrides`).set(as(supervisor)).send({ uid: ITEMS, documentId, fingerprint: finding.fingerprint, reason: '可以' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.code).toBe('OVERRIDE_REASON_REQUIRED');
    const ok = await http().post(`${SECURITY}/overrides`).set(as(supervisor)).send({ uid: ITEMS, documentId, fingerprint: finding.fingerprint, reason: '号码为单位公开的服务号码，经核实可以公开' });
    expect(ok.status).toBe(201);
    expect(ok.body.data).toMatchObject({ findingType: 'mobile', preview: '139****1111', overriddenByName: expect.stringContaining('supervisor') });

    expect((await publishItem(reviewerA, documentId)).status).toBe(200);
    const [latest] = await results(ITEMS, documentId);
    expect(latest.outcome).toBe('passed_with_overrides');
    const list = await http().get(`${SECURITY}/overrides`).set(as(supervisor));
    expect(list.status).toBe(200);
    expect(list.body.data.map((o: { targetDocumentId: string }) => o.targetDocumentId)).toContain(documentId);
  });
});

describe('word lists and the rescan', () => {
  it('lists published items newly matching a word added to a list', async () => {
    const documentId = await draftItem(reviewerA, { title: '关于规范“幸运快乐八”网络推广的通知', body: '<p>近期发现部分网站出现“幸运快乐八”推广信息。</p>' });
    expect((await publishItem(reviewerA, documentId)).status).toBe(200);

    const added = await http()
      .post('/content-manager/collection-types/plugin::content-security.word-list')
      .set(as(supervisor))
      .send({ name: '本地新增', category: 'sensitive', words: '幸运快乐八', enabled: true });
    expect(added.status).toBe(201);

    expect((await http().post(`${SECURITY}/rescan`).set(as(reviewerA)).send({})).status).toBe(403);
    const rescan = await http().post(`${SECURITY}/rescan`).set(as(supervisor)).send({});
    expect(rescan.status).toBe(200);
    expect(rescan.body.data.hits.map((h: { documentId: string }) => h.documentId)).toEqual([documentId]);
    expect(rescan.body.data.hits[0].newFindings[0]).toMatchObject({ type: 'lexicon', code: 'SENSITIVE_TERM_FOUND', detail: 'sensitive' });

    const hits = await http().get(`${SECURITY}/rescan-hits`).set(as(supervisor));
    expect(hits.body.data[0]).toMatchObject({ targetDocumentId: documentId, trigger: 'rescan', newFindingCount: 2 });
    // A second rescan finds nothing new.
    expect((await http().post(`${SECURITY}/rescan`).set(as(supervisor)).send({})).body.data.hits).toEqual([]);
  });

  it('rescans by itself shortly after a word list is saved', async () => {
    const documentId = await draftItem(reviewerA, { title: '关于“金蟾捕鱼”游戏推广的风险提示', body: '<p>请勿下载“金蟾捕鱼”等来历不明的游戏。</p>' });
    expect((await publishItem(reviewerA, documentId)).status).toBe(200);
    const list = await strapi.db.query('plugin::content-security.word-list').findOne({ where: { name: '本地新增' } });
    const updated = await http()
      .put(`/content-manager/collection-types/plugin::content-security.word-list/${list.documentId}`)
      .set(as(supervisor))
      .send({ words: `${list.words}\n金蟾捕鱼` });
    expect(updated.status).toBe(200);
    // No request starts it: the change schedules a rescan (2 s later by default) under the lease.
    let hit: { targetDocumentId: string } | undefined;
    for (let i = 0; i < 40 && !hit; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const hits = await http().get(`${SECURITY}/rescan-hits`).set(as(supervisor));
      hit = hits.body.data.find((h: { targetDocumentId: string }) => h.targetDocumentId === documentId);
    }
    expect(hit).toMatchObject({ targetDocumentId: documentId, trigger: 'rescan', scannedByName: '系统' });
  });

  it('runs scheduled rescans under a database lease: one holder at a time', async () => {
    const leases = strapi.plugin('content-security').service('leases') as { acquire(name: string, ms: number): Promise<string | null>; release(name: string, holder: string): Promise<void> };
    const holder = await leases.acquire('test-job', 60_000);
    expect(holder).toEqual(expect.any(String));
    expect(await leases.acquire('test-job', 60_000)).toBeNull();
    await leases.release('test-job', holder!);
    const next = await leases.acquire('test-job', 60_000);
    expect(next).toEqual(expect.any(String));
    await leases.release('test-job', next!);
  });

  it('keeps scan records out of reach of the content manager', async () => {
    const write = strapi.documents('plugin::content-security.scan-result' as never).create({ data: { targetUid: ITEMS, targetDocumentId: 'x', trigger: 'manual', outcome: 'clean' } } as never);
    await expect(write).rejects.toMatchObject({ details: { code: 'SECURITY_RECORDS_IMMUTABLE' } });
  });
});
