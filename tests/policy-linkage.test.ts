import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from './helpers/strapi';
import { adminAccount, buildProvince, CM_ITEMS, createItem, superAdmin } from './helpers/fixtures';

/**
 * 三同步 end to end: interpretations checked on save, policy and interpretations reviewed together,
 * released together in one transaction (a forced failure publishes nothing), linked both ways in
 * REST and GraphQL, withdrawn together, and counted for supervisors.
 */
let strapi: Core.Strapi;
let province: Awaited<ReturnType<typeof buildProvince>>;
type Account = { token: string };
let root: Account;
let editorA: Account;
let reviewerA: Account;
let reviewerB: Account;
let supervisor: Account;

const http = () => request(strapi.server.httpServer);
const as = (account: Account) => ({ Authorization: `Bearer ${account.token}` });
const ITEMS = 'api::disclosure-item.disclosure-item';
const INTERPRETATIONS = 'plugin::policy-linkage.interpretation';
const CM_INTERPRETATIONS = `/content-manager/collection-types/${INTERPRETATIONS}`;
const POLICY_BODY = '第一条 为促进民营经济高质量发展，制定本措施。第二条 对新设立的民营企业给予一次性补助五万元，对研发投入给予百分之十的奖励。第三条 本措施自发布之日起施行。';

const policyDraft = async (title: string, category = 'important-policies', account = editorA) => {
  const res = await http()
    .post(CM_ITEMS)
    .set(as(account))
    .send({ title, organization: province.orgs.A.documentId, category: province.category[category], formedDate: '2026-05-06', body: POLICY_BODY, disclosureAttribute: 'proactive' });
  expect(res.status).toBe(201);
  return res.body.data as { documentId: string };
};

const interpretationInput = (policy: string, title: string, overrides: Record<string, unknown> = {}) => ({
  title,
  policy,
  form: 'text',
  interpreter: 'drafting_department',
  background: '近年来我市民营企业数量持续增长，但融资难、研发投入不足的问题仍然突出。',
  purpose: '落实省委省政府关于民营经济的决策部署，稳定市场预期，增强企业信心。',
  keyMeasures: '主要有两项：一是新设企业补助，二是研发奖励。申请人可通过政务服务网办理。',
  ...overrides,
});

const createInterpretation = (policy: string, title: string, overrides: Record<string, unknown> = {}, account = editorA) =>
  http().post(CM_INTERPRETATIONS).set(as(account)).send(interpretationInput(policy, title, overrides));

const review = (path: string, account: Account, body: Record<string, unknown> = {}) => http().post(`/policy-linkage${path}`).set(as(account)).send(body);

const publishedRows = async (uid: string, documentId: string) => strapi.db.query(uid).count({ where: { documentId, publishedAt: { $notNull: true } } });

const expectCode = (res: request.Response, status: number, code: string) => {
  expect({ status: res.status, code: res.body?.error?.details?.code }).toEqual({ status, code });
};

beforeAll(async () => {
  strapi = await startStrapi('policy-linkage');
  province = await buildProvince(strapi);
  root = await superAdmin(strapi);
  editorA = await adminAccount(strapi, 'editor-a@example.gov.cn', 'department-editor', [province.orgs.A.documentId]);
  reviewerA = await adminAccount(strapi, 'reviewer-a@example.gov.cn', 'department-reviewer', [province.orgs.A.documentId]);
  reviewerB = await adminAccount(strapi, 'reviewer-b@example.gov.cn', 'department-reviewer', [province.orgs.B.documentId]);
  supervisor = await adminAccount(strapi, 'supervisor@example.gov.cn', 'supervisor');
});
afterAll(async () => { await stopStrapi(strapi); });

describe('an interpretation on save', () => {
  let policy: { documentId: string };
  beforeAll(async () => { policy = await policyDraft('关于促进民营经济高质量发展的若干措施'); });

  it('needs each substantive section of a text interpretation', async () => {
    const res = await createInterpretation(policy.documentId, '缺目的的解读', { purpose: '  ' });
    expectCode(res, 400, 'SECTION_REQUIRED');
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: ['purpose'], code: 'SECTION_REQUIRED' })]);
    expect(await strapi.db.query(INTERPRETATIONS).count({ where: { title: '缺目的的解读' } })).toBe(0);
  });

  it('refuses a section copied from the policy text, even re-wrapped in markup', async () => {
    const copied = `<p>第二条　对新设立的民营企业给予一次性补助五万元，</p>\n<p>对研发投入给予百分之十的奖励。</p>`;
    const res = await createInterpretation(policy.documentId, '照搬原文的解读', { keyMeasures: copied });
    expectCode(res, 400, 'SECTION_COPIES_POLICY');
    expect(res.body.error.details.errors[0].path).toEqual(['keyMeasures']);
  });

  it('does not ask sections of a graphic interpretation', async () => {
    const res = await createInterpretation(policy.documentId, '一图读懂', { form: 'graphic', background: null, purpose: null, keyMeasures: null });
    expect(res.status).toBe(201);
    await strapi.documents(INTERPRETATIONS as never).delete({ documentId: res.body.data.documentId } as never);
  });

  it('must interpret a policy document, not any item', async () => {
    const plan = await createItem(strapi, { title: '某某规划', organization: province.orgs.A.documentId, category: province.category['plans'] });
    expectCode(await createInterpretation(plan.documentId, '规划的解读'), 400, 'POLICY_NOT_A_POLICY');
    expectCode(await createInterpretation(undefined as never, '无对象的解读'), 400, 'POLICY_REQUIRED');
  });

  it('belongs to the policy\'s organisation and starts as a draft, whatever the form sends', async () => {
    const res = await createInterpretation(policy.documentId, '合格的解读', { reviewStage: 'approved', organizationDocumentId: province.orgs.B.documentId });
    expect(res.status).toBe(201);
    const row = await strapi.db.query(INTERPRETATIONS).findOne({ where: { documentId: res.body.data.documentId }, populate: { organization: true } });
    expect({ stage: row.reviewStage, org: row.organizationDocumentId, orgName: row.organization?.name }).toEqual({
      stage: 'draft',
      org: province.orgs.A.documentId,
      orgName: province.orgs.A.name,
    });
  });

  it('cannot be written for another organisation\'s policy', async () => {
    const other = await createItem(strapi, { title: '宁波市某政策', organization: province.orgs.B.documentId, category: province.category['important-policies'] });
    expectCode(await createInterpretation(other.documentId, '越权解读'), 403, 'ORGANIZATION_OUT_OF_SCOPE');
  });
});

describe('review together (同步组织、同步审签) and release together (同步部署)', () => {
  let policy: { documentId: string };
  let first: string;

  it('refuses to submit a policy that needs an interpretation before one is drafted', async () => {
    policy = await policyDraft('关于支持科技创新的若干政策');
    expectCode(await review(`/policies/${policy.documentId}/submit`, editorA), 400, 'INTERPRETATION_DRAFT_REQUIRED');
  });

  it('refuses to publish an unreviewed policy or interpretation through the content manager', async () => {
    const res = await createInterpretation(policy.documentId, '科技创新政策解读');
    expect(res.status).toBe(201);
    first = res.body.data.documentId;
    expectCode(await http().post(`${CM_ITEMS}/${policy.documentId}/actions/publish`).set(as(reviewerA)).send({}), 400, 'POLICY_NOT_APPROVED');
    expectCode(await http().post(`${CM_INTERPRETATIONS}/${first}/actions/publish`).set(as(reviewerA)).send({}), 400, 'INTERPRETATION_NOT_APPROVED');
    expect(await publishedRows(ITEMS, policy.documentId)).toBe(0);
    expect(await publishedRows(INTERPRETATIONS, first)).toBe(0);
  });

  it('submits the policy with its interpretation drafts', async () => {
    const res = await review(`/policies/${policy.documentId}/submit`, editorA);
    expect(res.status).toBe(200);
    expect(res.body.data.stage).toBe('submitted');
    expect(res.body.data.interpretations.map((i: { reviewStage: string }) => i.reviewStage)).toEqual(['submitted']);
  });

  it('lets only a reviewer of the policy\'s organisation approve', async () => {
    expect((await review(`/policies/${policy.documentId}/approve`, editorA)).status).toBe(403);
    expectCode(await review(`/policies/${policy.documentId}/approve`, reviewerB), 403, 'ORGANIZATION_OUT_OF_SCOPE');
  });

  it('rejects back to draft only with a comment, policy and interpretation together', async () => {
    expectCode(await review(`/policies/${policy.documentId}/reject`, reviewerA), 400, 'REJECT_COMMENT_REQUIRED');
    const res = await review(`/policies/${policy.documentId}/reject`, reviewerA, { comment: '解读未说明申请流程' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ stage: 'draft', comment: '解读未说明申请流程' });
    expect(res.body.data.interpretations[0]).toMatchObject({ reviewStage: 'draft', reviewComment: '解读未说明申请流程' });
  });

  it('approves the interpretations in the same action as the policy', async () => {
    expect((await review(`/policies/${policy.documentId}/submit`, editorA)).status).toBe(200);
    const res = await review(`/policies/${policy.documentId}/approve`, reviewerA);
    expect(res.status).toBe(200);
    expect(res.body.data.stage).toBe('approved');
    expect(res.body.data.interpretations.map((i: { reviewStage: string }) => i.reviewStage)).toEqual(['approved']);
    // An interpretation of an unreleased policy moves only with it.
    expectCode(await review(`/interpretations/${first}/publish`, reviewerA), 400, 'INTERPRETATION_FOLLOWS_POLICY');
  });

  it('publishes the policy and its approved interpretations at once', async () => {
    const res = await review(`/policies/${policy.documentId}/publish`, reviewerA);
    expect(res.status).toBe(200);
    expect(res.body.data.stage).toBe('published');
    expect(await publishedRows(ITEMS, policy.documentId)).toBe(1);
    expect(await publishedRows(INTERPRETATIONS, first)).toBe(1);
    const row = await strapi.db.query(INTERPRETATIONS).findOne({ where: { documentId: first, publishedAt: { $notNull: true } } });
    expect({ lag: row.releaseLagWorkingDays, late: row.releasedLate, stage: row.reviewStage }).toEqual({ lag: 0, late: false, stage: 'published' });
    expect(res.body.data.events.map((e: { action: string }) => e.action)).toEqual(['submit', 'submit', 'reject', 'reject', 'submit', 'submit', 'approve', 'approve', 'publish']);
  });

  it('links both ways over REST, without internal fields', async () => {
    const item = await http().get(`/api/disclosure-items/${policy.documentId}?populate=interpretations`);
    expect(item.status).toBe(200);
    expect(item.body.data.interpretations.map((i: { title: string }) => i.title)).toEqual(['科技创新政策解读']);
    const interpretation = await http().get(`/api/policy-linkage/interpretations/${first}?populate=policy`);
    expect(interpretation.status).toBe(200);
    expect(interpretation.body.data.policy.title).toBe('关于支持科技创新的若干政策');
    for (const field of ['reviewStage', 'reviewComment', 'organizationDocumentId', 'releaseLagWorkingDays', 'releasedLate']) {
      expect(interpretation.body.data).not.toHaveProperty(field);
    }
  });

  it('links both ways over GraphQL', async () => {
    const res = await http()
      .post('/graphql')
      .send({ query: `{ disclosureItem(documentId: "${policy.documentId}") { title interpretations { title form } } policyLinkageInterpretations { title policy { title } } }` });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.disclosureItem.interpretations).toEqual([{ title: '科技创新政策解读', form: 'text' }]);
    expect(res.body.data.policyLinkageInterpretations).toEqual([{ title: '科技创新政策解读', policy: { title: '关于支持科技创新的若干政策' } }]);
  });

  it('keeps the link when the policy is corrected and republished', async () => {
    await strapi.documents(ITEMS as never).update({ documentId: policy.documentId, data: { summary: '更正摘要' } } as never);
    expect((await http().post(`${CM_ITEMS}/${policy.documentId}/actions/publish`).set(as(reviewerA)).send({})).status).toBe(200);
    const item = await http().get(`/api/disclosure-items/${policy.documentId}?populate=interpretations`);
    expect(item.body.data.summary).toBe('更正摘要');
    expect(item.body.data.interpretations.map((i: { title: string }) => i.title)).toEqual(['科技创新政策解读']);
  });

  it('records an interpretation released after its policy with its lag in working days', async () => {
    // The policy went out three weeks ago, so a release today trails it by well over the allowance of 0.
    const released = new Date(Date.now() - 21 * 86_400_000);
    await strapi.db.query(ITEMS).updateMany({ where: { documentId: policy.documentId }, data: { firstPublishedAt: released } });
    const res = await createInterpretation(policy.documentId, '科技创新政策问答', { form: 'qa' });
    expect(res.status).toBe(201);
    const late = res.body.data.documentId;
    expectCode(await review(`/interpretations/${late}/approve`, reviewerA), 400, 'REVIEW_STAGE_CONFLICT');
    expect((await review(`/interpretations/${late}/submit`, editorA)).status).toBe(200);
    expect((await review(`/interpretations/${late}/approve`, reviewerA)).status).toBe(200);
    const out = await review(`/interpretations/${late}/publish`, reviewerA);
    expect(out.status).toBe(200);
    const row = await strapi.db.query(INTERPRETATIONS).findOne({ where: { documentId: late, publishedAt: { $notNull: true } } });
    const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const calendar = await strapi.plugin('deadlines').service('calendar').current();
    const expected = calendar.workingDaysBetween(day(released), day(new Date()));
    expect(expected).toBeGreaterThanOrEqual(10);
    expect({ lag: row.releaseLagWorkingDays, late: row.releasedLate }).toEqual({ lag: expected, late: true });
    expect(out.body.data.events.slice(-2)).toEqual([
      expect.objectContaining({ action: 'released_late', interpretationDocumentId: late, actor: 'reviewer-a' }),
      expect.objectContaining({ action: 'publish', interpretationDocumentId: late }),
    ]);
  });

  it('refuses to delete a policy that has interpretations, naming them', async () => {
    const res = await http().delete(`${CM_ITEMS}/${policy.documentId}`).set(as(reviewerA));
    expectCode(res, 400, 'POLICY_HAS_INTERPRETATIONS');
    expect(res.body.error.details.interpretations.map((i: { title: string }) => i.title).sort()).toEqual(['科技创新政策解读', '科技创新政策问答'].sort());
    expect(await strapi.db.query(ITEMS).count({ where: { documentId: policy.documentId } })).toBe(2);
  });

  it('unpublishes the interpretations with their policy', async () => {
    expect((await http().post(`${CM_ITEMS}/${policy.documentId}/actions/unpublish`).set(as(reviewerA)).send({})).status).toBe(200);
    expect(await strapi.db.query(INTERPRETATIONS).count({ where: { policy: { documentId: policy.documentId }, publishedAt: { $notNull: true } } })).toBe(0);
    expect((await http().get(`/api/policy-linkage/interpretations/${first}`)).status).toBe(404);
    expect((await http().get(`/api/policy-linkage/interpretations?status=draft`)).body.data).toEqual([]);
    // Nor can one go public alone while its policy is withdrawn.
    const stored = await strapi.db.query(INTERPRETATIONS).findOne({ where: { documentId: first, publishedAt: null } });
    expect(stored.reviewStage).toBe('draft');
  });
});

describe('released together or not at all', () => {
  it('publishes nothing when one interpretation fails midway', async () => {
    const policy = await policyDraft('关于优化营商环境的若干意见', 'normative-documents');
    const good = (await createInterpretation(policy.documentId, '营商环境政策解读')).body.data.documentId;
    const bad = (await createInterpretation(policy.documentId, '营商环境政策图解', { form: 'graphic' })).body.data.documentId;
    expect((await review(`/policies/${policy.documentId}/submit`, editorA)).status).toBe(200);
    expect((await review(`/policies/${policy.documentId}/approve`, reviewerA)).status).toBe(200);

    // The database itself refuses the second interpretation's published row, after the policy and the first went in.
    const knex = strapi.db.connection;
    const table = strapi.db.metadata.get(INTERPRETATIONS as never).tableName;
    if (strapi.db.dialect.client === 'postgres') {
      await knex.raw(`CREATE OR REPLACE FUNCTION forced_release_failure() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'forced failure'; END; $$ LANGUAGE plpgsql`);
      await knex.raw(`CREATE TRIGGER forced_release_failure BEFORE INSERT ON ${table} FOR EACH ROW WHEN (NEW.published_at IS NOT NULL AND NEW.title = '营商环境政策图解') EXECUTE FUNCTION forced_release_failure()`);
    } else {
      await knex.raw(`CREATE TRIGGER forced_release_failure BEFORE INSERT ON ${table} WHEN NEW.published_at IS NOT NULL AND NEW.title = '营商环境政策图解' BEGIN SELECT RAISE(ABORT, 'forced failure'); END`);
    }
    const failed = await review(`/policies/${policy.documentId}/publish`, reviewerA);
    await knex.raw(`DROP TRIGGER forced_release_failure${strapi.db.dialect.client === 'postgres' ? ` ON ${table}` : ''}`);

    expect(failed.status).toBeGreaterThanOrEqual(400);
    expect(await publishedRows(ITEMS, policy.documentId)).toBe(0);
    expect(await publishedRows(INTERPRETATIONS, good)).toBe(0);
    expect(await publishedRows(INTERPRETATIONS, bad)).toBe(0);
    const draft = await strapi.db.query(ITEMS).findOne({ where: { documentId: policy.documentId, publishedAt: null } });
    expect(draft.firstPublishedAt).toBeNull();
    const status = (await http().get(`/policy-linkage/policies/${policy.documentId}`).set(as(reviewerA))).body.data;
    expect(status.stage).toBe('approved');
    expect(status.interpretations.map((i: { reviewStage: string }) => i.reviewStage)).toEqual(['approved', 'approved']);

    // Once the fault is gone the same action releases all three.
    expect((await review(`/policies/${policy.documentId}/publish`, reviewerA)).status).toBe(200);
    expect([await publishedRows(ITEMS, policy.documentId), await publishedRows(INTERPRETATIONS, good), await publishedRows(INTERPRETATIONS, bad)]).toEqual([1, 1, 1]);
  });
});

describe('waivers and metrics', () => {
  let waived: { documentId: string };
  let orphan: { documentId: string };

  it('waives the interpretation of one document only with a written reason', async () => {
    waived = await policyDraft('关于调整某项收费标准的通知', 'normative-documents');
    expectCode(await http().put(`/policy-linkage/policies/${waived.documentId}/waiver`).set(as(editorA)).send({ reason: ' ' }), 400, 'WAIVER_REASON_REQUIRED');
    const plan = await createItem(strapi, { title: '另一规划', organization: province.orgs.A.documentId, category: province.category['plans'] });
    expectCode(await http().put(`/policy-linkage/policies/${plan.documentId}/waiver`).set(as(editorA)).send({ reason: '无需' }), 400, 'WAIVER_NOT_APPLICABLE');
    const res = await http().put(`/policy-linkage/policies/${waived.documentId}/waiver`).set(as(editorA)).send({ reason: '仅调整收费标准数值，无新增政策措施' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ requiresInterpretation: false, waiver: { reason: '仅调整收费标准数值，无新增政策措施' } });
    expect((await http().post(`${CM_ITEMS}/${waived.documentId}/actions/publish`).set(as(reviewerA)).send({})).status).toBe(200);
  });

  it('leaves a policy without an interpretation when its only one is withdrawn', async () => {
    orphan = await policyDraft('关于加快发展数字经济的实施意见');
    const interpretation = (await createInterpretation(orphan.documentId, '数字经济政策解读', { form: 'video', background: null, purpose: null, keyMeasures: null })).body.data.documentId;
    expect((await review(`/policies/${orphan.documentId}/submit`, editorA)).status).toBe(200);
    expect((await review(`/policies/${orphan.documentId}/approve`, reviewerA)).status).toBe(200);
    expect((await review(`/policies/${orphan.documentId}/publish`, reviewerA)).status).toBe(200);
    expect((await http().post(`${CM_INTERPRETATIONS}/${interpretation}/actions/unpublish`).set(as(reviewerA)).send({})).status).toBe(200);
  });

  it('gives supervisors the ratio, orphans on both sides, lag and forms', async () => {
    expect((await http().get('/policy-linkage/metrics').set(as(editorA))).status).toBe(403);
    // A published interpretation whose link to its policy was lost is an orphan on the other side.
    const stray = await strapi.db.query(INTERPRETATIONS).findOne({ where: { title: '营商环境政策图解', publishedAt: { $notNull: true } } });
    const join = (strapi.db.metadata.get(INTERPRETATIONS as never) as any).attributes.policy.joinTable;
    await strapi.db.connection(join.name).where(join.joinColumn.name, stray.id).del();

    const res = await http().get('/policy-linkage/metrics?region=330100').set(as(supervisor));
    expect(res.status).toBe(200);
    const { policies, interpretations, waivers } = res.body.data;
    // Released in 杭州市 and below: 营商环境 (interpreted), 收费标准 (waived), 数字经济 (interpretation withdrawn).
    expect(policies).toMatchObject({ released: 3, waived: 1, requiringInterpretation: 2, interpreted: 1, ratio: 0.5 });
    expect(policies.withoutInterpretation.count).toBe(1);
    expect(policies.withoutInterpretation.items.map((i: { title: string }) => i.title)).toEqual(['关于加快发展数字经济的实施意见']);
    expect(waivers.map((w: { title: string; reason: string }) => [w.title, w.reason])).toEqual([['关于调整某项收费标准的通知', '仅调整收费标准数值，无新增政策措施']]);
    expect(interpretations.released).toBe(2);
    expect(interpretations.byForm).toMatchObject({ text: 1, graphic: 1, video: 0, qa: 0 });
    expect(interpretations.lag).toMatchObject({ allowanceWorkingDays: 0, averageWorkingDays: 0, maximumWorkingDays: 0, late: 0 });
    expect(interpretations.withoutPublicPolicy.items.map((i: { title: string }) => i.title)).toEqual(['营商环境政策图解']);

    const ningbo = (await http().get('/policy-linkage/metrics?region=330200').set(as(supervisor))).body.data;
    expect(ningbo.policies).toMatchObject({ released: 0, ratio: null });
    expectCode(await http().get('/policy-linkage/metrics?from=2026-13-01').set(as(supervisor)), 400, 'PERIOD_INVALID');
  });
});
