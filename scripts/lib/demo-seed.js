'use strict';

const { REGIONS, organizations, COLUMNS, SITES, TITLES, KEYWORDS } = require('./demo-data');
const { ensureAdminUser } = require('./accounts');

const UID = {
  region: 'api::region.region',
  organization: 'api::organization.organization',
  site: 'api::site.site',
  column: 'api::column.column',
  category: 'api::disclosure-category.disclosure-category',
  item: 'api::disclosure-item.disclosure-item',
};

const DEMO_ITEM_COUNT = 200;

/** The demo logins, one per role. Printed by `npm run demo`. */
const DEMO_ACCOUNTS = [
  { role: '超级管理员 (super admin)', roleCode: 'strapi-super-admin', email: 'admin@demo.gov.cn', password: 'Demo-Admin-2026', firstname: '系统管理员' },
  { role: '部门编辑 (department editor, 杭州市发展改革委)', roleCode: 'department-editor', email: 'editor@demo.gov.cn', password: 'Demo-Editor-2026', firstname: '张编辑', organizations: ['003301002'] },
  { role: '部门审核 (department reviewer, 杭州市发展改革委)', roleCode: 'department-reviewer', email: 'reviewer@demo.gov.cn', password: 'Demo-Reviewer-2026', firstname: '李审核', organizations: ['003301002'] },
  { role: '政务公开督查 (supervisor, 政务公开办)', roleCode: 'supervisor', email: 'supervisor@demo.gov.cn', password: 'Demo-Supervisor-2026', firstname: '王督查' },
];

/** Deterministic pseudo-random numbers, so every seeding produces the same province. */
const random = (seed) => () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

const isoDay = (date) => date.toISOString().slice(0, 10);
const addDays = (iso, days) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDay(d);
};

async function upsertBy(strapi, uid, where, data) {
  const existing = await strapi.db.query(uid).findOne({ where, select: ['documentId'] });
  if (existing) return existing.documentId;
  return (await strapi.documents(uid).create({ data })).documentId;
}

async function seedDemo(strapi, { log = () => {} } = {}) {
  const regionIds = {};
  for (const region of REGIONS) {
    regionIds[region.code] = await upsertBy(strapi, UID.region, { code: region.code }, { code: region.code, name: region.name, level: region.level, parent: region.parent ? regionIds[region.parent] : null });
  }
  log(`regions: ${REGIONS.length}`);

  const orgs = organizations();
  const orgIds = {};
  for (const org of orgs) {
    orgIds[org.code] = await upsertBy(strapi, UID.organization, { code: org.code }, {
      name: org.name, shortName: org.shortName, code: org.code, kind: org.kind, region: regionIds[org.region], parent: org.parentCode ? orgIds[org.parentCode] : null,
    });
  }
  log(`organizations: ${orgs.length}`);

  for (const site of SITES) {
    const siteId = await upsertBy(strapi, UID.site, { code: site.code }, { name: site.name, code: site.code, domain: site.domain, organization: orgIds[site.organizationCode] });
    for (const column of COLUMNS) {
      await upsertBy(strapi, UID.column, { code: column.code, site: { documentId: siteId } }, { ...column, site: siteId, level: 1 });
    }
  }
  log(`sites: ${SITES.length}, columns: ${SITES.length * COLUMNS.length}`);

  await seedItems(strapi, orgs, orgIds, log);
  await seedApplications(strapi, log);
  await seedRegulations(strapi, orgIds, log);

  for (const account of DEMO_ACCOUNTS) {
    await ensureAdminUser(strapi, { ...account, organizationDocumentIds: (account.organizations ?? []).map((code) => orgIds[code]) });
  }
  return DEMO_ACCOUNTS;
}

async function seedItems(strapi, orgs, orgIds, log) {
  const existing = await strapi.db.query(UID.item).findMany({ where: { internalNote: { $startsWith: 'demo:' }, publishedAt: null }, select: ['internalNote'] });
  const done = new Set(existing.map((row) => row.internalNote));
  const categories = await strapi.db.query(UID.category).findMany({ select: ['documentId', 'code', 'name', 'detailComponent'], populate: { children: { select: ['id'] } } });
  const leaves = categories.filter((c) => c.children.length === 0 && TITLES[c.code]);
  const columns = await strapi.db.query(UID.column).findMany({ select: ['documentId', 'code'] });
  const columnFor = (code) => columns.filter((c) => c.code === code).map((c) => c.documentId);
  const regionName = Object.fromEntries(REGIONS.map((r) => [r.code, r.name]));
  const next = random(20261127);
  const today = isoDay(new Date(Date.now() + 8 * 3600 * 1000));
  let created = 0;

  for (let n = 1; n <= DEMO_ITEM_COUNT; n++) {
    if (done.has(`demo:${n}`)) continue;
    const category = leaves[(n - 1) % leaves.length];
    const org = orgs[Math.floor(next() * orgs.length)];
    const patterns = TITLES[category.code];
    const formedDate = addDays('2025-01-06', Math.floor(next() * 680));
    const year = Number(formedDate.slice(0, 4));
    const title = patterns[Math.floor(next() * patterns.length)]
      .replace('{org}', org.name).replace('{region}', regionName[org.region]).replace('{y}', String(year)).replace('{n}', String(1 + Math.floor(next() * 40)));
    const roll = next();
    const attribute = roll < 0.06 ? 'on_application' : roll < 0.08 ? 'not_disclosed' : 'proactive';
    const isNormative = category.code === 'normative-documents' || category.code === 'rules';
    const effectiveDate = isNormative ? addDays(formedDate, 30) : null;
    const data = {
      title,
      organization: orgIds[org.code],
      category: category.documentId,
      issuingOrgan: org.name,
      documentNumber: isNormative || category.code === 'important-policies' ? `${documentPrefix(org, regionName)}〔${year}〕${1 + Math.floor(next() * 60)}号` : null,
      topic: ['general_affairs', 'economy_state_assets', 'finance_audit', 'urban_environment', 'science_education', 'health_sports', 'market_safety'][Math.floor(next() * 7)],
      keywords: `${KEYWORDS[Math.floor(next() * KEYWORDS.length)]} ${category.name}`,
      summary: `${org.name}发布${category.name}：${title}。`,
      body: `## ${title}\n\n${org.name}根据《中华人民共和国政府信息公开条例》主动公开本信息。\n\n一、基本情况\n\n二、主要内容\n\n三、联系方式：${org.name}办公室，电话 0571-8705${String(1000 + n).slice(-4)}。`,
      writtenDate: addDays(formedDate, -Math.floor(next() * 5)),
      formedDate: formedDate > today ? today : formedDate,
      effectiveDate,
      expiryDate: category.code === 'normative-documents' ? addDays(effectiveDate, 5 * 365) : null,
      disclosureAttribute: attribute,
      nonDisclosureReason: attribute === 'proactive' ? null : attribute === 'on_application' ? '涉及特定群体，依申请提供' : '涉及商业秘密（《条例》第十五条）',
      columns: columnFor(category.code === 'plans' ? 'plans' : isNormative || category.code === 'important-policies' ? 'policies' : 'notices'),
      details: detailsFor(category, year, next, n),
      internalNote: `demo:${n}`,
    };
    const item = await strapi.documents(UID.item).create({ data });
    created++;
    if (next() < 0.88) {
      await releasePolicy(strapi, item, category, org, n);
      await strapi.documents(UID.item).publish({ documentId: item.documentId });
      // Demo history: the seeder, not an editor, sets publish times in the past (some late, a few long after the formed date).
      const lag = next() < 0.8 ? Math.floor(next() * 25) : 20 + Math.floor(next() * 40);
      const publishedDay = addDays(data.formedDate, lag) > today ? today : addDays(data.formedDate, lag);
      await strapi.db.query(UID.item).updateMany({ where: { documentId: item.documentId }, data: { firstPublishedAt: new Date(`${publishedDay}T02:${String(n % 60).padStart(2, '0')}:00Z`) } });
      if (strapi.plugin('deadlines')) await strapi.plugin('deadlines').service('proactive-disclosure').refresh(item.documentId);
    }
  }
  log(`disclosure items: ${created} created, ${done.size} already there`);
}

/**
 * 三同步 for the demo's policy documents: each that needs an interpretation gets one (mostly text,
 * some graphic or Q&A) reviewed together with it, or every fifth a recorded waiver, so publishing it
 * passes the same rules an editor meets.
 */
async function releasePolicy(strapi, item, category, org, n) {
  const linkage = strapi.plugin('policy-linkage');
  if (!linkage || !linkage.service('policies').config().requireInterpretationFor.includes(category.code)) return;
  const policies = linkage.service('policies');
  if (n % 5 === 0) {
    await policies.waive(item.documentId, '仅对原文件作文字性修改，未新增政策措施', null);
    return;
  }
  const form = ['text', 'text', 'graphic', 'qa'][n % 4];
  await strapi.documents('plugin::policy-linkage.interpretation').create({
    data: {
      title: `${form === 'graphic' ? '一图读懂' : form === 'qa' ? '问答' : '解读'}：${item.title}`,
      policy: item.documentId,
      form,
      interpreter: n % 3 === 0 ? 'principal_leader' : 'drafting_department',
      interpreterName: org.name,
      background: `近年来，${org.name}在相关领域持续推进改革，群众和企业对进一步明确办事规则、稳定政策预期的呼声较高。`,
      purpose: `落实上级部署要求，回应社会关切，明确各方责任，使政策可执行、可检查、可评估。`,
      keyMeasures: `一是明确适用范围和申请条件；二是简化办理流程、压缩办理时限；三是建立跟踪评估机制，实施满一年后开展评估。`,
    },
  });
  for (const action of ['submit', 'approve']) await policies.actOnPolicy(action, item.documentId, null);
}

/** 发文字号 prefix: first character of the region plus the organ's abbreviation, e.g. 杭政发, 浙财发. */
const ORGAN_ABBREVIATIONS = [['发展和改革', '发改'], ['财政', '财'], ['市场监督', '市监'], ['生态环境', '环'], ['教育', '教'], ['卫生健康', '卫健']];
function documentPrefix(org, regionName) {
  const abbreviation = org.kind === 'government' ? '政' : (ORGAN_ABBREVIATIONS.find(([word]) => org.name.includes(word)) || [null, '政办'])[1];
  return `${regionName[org.region].slice(0, 1)}${abbreviation}发`;
}

/** A few disclosure applications to 杭州市发改委 at different points of their timeline (idempotent by applicant name). */
const DEMO_APPLICATIONS = [
  { name: '演示申请人甲', channel: 'in_person', submittedOn: '2026-09-24', events: [] },
  { name: '演示申请人乙', channel: 'registered_post', submittedOn: '2026-10-28', signedForOn: '2026-10-30', events: [{ type: 'supplement_requested', date: '2026-11-03', dueBy: '2026-11-17' }, { type: 'supplement_received', date: '2026-11-12' }] },
  { name: '演示申请人丙', channel: 'online', submittedOn: '2026-11-02', confirmedOn: '2026-11-02', events: [{ type: 'consultation_started', date: '2026-11-05', party: 'third_party' }] },
  { name: '演示申请人丁', channel: 'in_person', submittedOn: '2026-10-12', events: [{ type: 'result_recorded', date: '2026-10-30', resultCode: 'disclosed' }, { type: 'delivered', date: '2026-11-02' }, { type: 'closed', date: '2026-11-03' }] },
  { name: '演示申请人戊', channel: 'fax', submittedOn: '2026-11-16', confirmedOn: '2026-11-17', events: [] },
];

async function seedApplications(strapi, log) {
  if (!strapi.plugin('deadlines')) return;
  const applications = strapi.plugin('deadlines').service('applications');
  let created = 0;
  for (const demo of DEMO_APPLICATIONS) {
    if (await strapi.db.query('plugin::deadlines.application').count({ where: { applicantName: demo.name } })) continue;
    const { documentId } = await applications.register(
      {
        organization: '003301002', applicantType: 'natural_person', applicantName: demo.name, idDocumentType: 'resident_id', idNumber: '11010519491231002X',
        contact: { phone: '13800001234', address: '杭州市上城区解放路1号' }, requestDescription: '申请公开某某工程的立项批复和环评批复文件',
        deliveryMethod: 'post', format: 'paper', channel: demo.channel, submittedOn: demo.submittedOn, signedForOn: demo.signedForOn, confirmedOn: demo.confirmedOn,
      },
      null
    );
    for (const event of demo.events) await applications.recordEvent(documentId, event, null);
    created++;
  }
  log(`disclosure applications: ${created} created`);
}

/** Rules and normative documents with versions, a partial repeal, a repeal and an expiry (idempotent by title). */
const DEMO_REGULATIONS = [
  {
    title: '杭州市公共数据管理办法', kind: 'normative_document', organization: '003301001', documentNumber: '杭政发〔2022〕30号',
    versions: [
      { change: 'original', actDocumentNumber: '杭政发〔2022〕30号', actDate: '2022-11-20', publishedOn: '2022-11-25', effectiveOn: '2023-01-01', text: '第一条 为了规范公共数据管理，制定本办法。\n第二条 本办法适用于本市行政区域内的公共数据管理活动。\n第三条 市数据资源主管部门负责统筹协调。\n第四条 本办法自2023年1月1日起施行。' },
      { change: 'amendment', actDocumentNumber: '杭政发〔2024〕12号', actDate: '2024-05-10', publishedOn: '2024-05-20', effectiveOn: '2024-07-01', text: '第一条 为了规范公共数据管理，促进数据共享开放，制定本办法。\n第二条 本办法适用于本市行政区域内的公共数据管理活动。\n第三条 市数据资源主管部门负责统筹协调和监督检查。\n第四条 本办法自2024年7月1日起施行。\n第五条 涉及个人信息的数据应当脱敏处理。' },
    ],
  },
  {
    title: '杭州市市容和环境卫生管理规定', kind: 'rule', organization: '003301001', documentNumber: '杭州市人民政府令第315号',
    versions: [{ change: 'original', actDocumentNumber: '杭州市人民政府令第315号', actDate: '2019-06-01', publishedOn: '2019-06-10', effectiveOn: '2019-08-01', text: '第一条 总则。\n第二条 门前三包责任制。\n第三条 户外广告设置。\n第四条 罚则。' }],
    partialRepeal: { documentNumber: '杭州市人民政府令第340号', effectiveOn: '2025-01-01', articles: [3] },
  },
  {
    title: '浙江省行政规范性文件管理办法', kind: 'rule', organization: '003300001', documentNumber: '浙江省人民政府令第372号',
    versions: [{ change: 'original', actDocumentNumber: '浙江省人民政府令第372号', actDate: '2018-12-01', publishedOn: '2018-12-10', effectiveOn: '2019-01-01', text: '第一条 为了加强行政规范性文件管理，制定本办法。\n第二条 适用范围。' }],
    repeal: { documentNumber: '浙江省人民政府令第400号', effectiveOn: '2025-03-01' },
  },
  {
    title: '杭州市创业补贴实施办法（试行）', kind: 'normative_document', organization: '003301002', documentNumber: '杭发改〔2023〕6号',
    versions: [{ change: 'original', actDocumentNumber: '杭发改〔2023〕6号', actDate: '2023-01-10', publishedOn: '2023-01-15', effectiveOn: '2023-02-01', text: '第一条 补贴对象。\n第二条 补贴标准。' }],
  },
];

async function seedRegulations(strapi, orgIds, log) {
  if (!strapi.plugin('regulation-versions')) return;
  const regulations = strapi.plugin('regulation-versions').service('regulations');
  let created = 0;
  for (const demo of DEMO_REGULATIONS) {
    if (await strapi.db.query('plugin::regulation-versions.regulation').count({ where: { title: demo.title } })) continue;
    const { documentId } = await strapi.documents('plugin::regulation-versions.regulation').create({
      data: { title: demo.title, kind: demo.kind, documentNumber: demo.documentNumber, organization: orgIds[demo.organization] },
    });
    for (const [i, version] of demo.versions.entries()) {
      await regulations.addVersion(documentId, version, null);
      await regulations.publishVersion(documentId, i + 1, null);
    }
    if (demo.partialRepeal) await regulations.partialRepeal(documentId, demo.partialRepeal, null);
    if (demo.repeal) await regulations.repeal(documentId, demo.repeal, null);
    created++;
  }
  log(`regulations: ${created} created`);
}

function detailsFor(category, year, next, n) {
  switch (category.detailComponent) {
    case 'details.plan':
      return [{ __component: 'details.plan', periodStart: 2026, periodEnd: 2030, planLevel: ['master', 'special', 'regional', 'spatial'][n % 4] }];
    case 'details.budget':
      return [{ __component: 'details.budget', budgetYear: year, budgetKind: category.code === 'government-debt' ? 'debt' : category.code === 'benefit-subsidies' ? 'subsidy' : 'budget', revenueTenThousandYuan: Math.round(next() * 1e6) / 100, expenditureTenThousandYuan: Math.round(next() * 1e6) / 100 }];
    case 'details.project':
      return [{ __component: 'details.project', approvalNumber: `浙发改项字〔${year}〕${10 + n}号`, projectName: '重点建设项目', totalInvestmentTenThousandYuan: Math.round(next() * 5e6) / 100, stage: ['approval', 'construction', 'completed'][n % 3] }];
    case 'details.enforcement':
      return [{ __component: 'details.enforcement', decisionType: category.code === 'licensing-decisions' ? 'licensing' : category.code === 'penalty-decisions' ? 'penalty' : category.code === 'random-inspections' ? 'inspection_result' : 'other', decisionNumber: `执法〔${year}〕${n}号`, decisionDate: `${year}-06-${String(1 + (n % 28)).padStart(2, '0')}` }];
    default:
      return [];
  }
}

module.exports = { seedDemo, DEMO_ACCOUNTS };
