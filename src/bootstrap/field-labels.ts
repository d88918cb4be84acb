/**
 * Chinese labels the content manager shows for each field. API identifiers stay English; these are
 * applied at start-up only where a label is still the default (the field name), so labels an
 * administrator changes in the admin are kept.
 */
export const FIELD_LABELS: Record<string, Record<string, string>> = {
  'api::region.region': { code: '区划代码', name: '名称', level: '层级', parent: '上级区划', children: '下级区划', path: '区划路径', organizations: '所属机关' },
  'api::organization.organization': {
    name: '机关名称', shortName: '简称', code: '机关代码', kind: '机关类型', region: '所属行政区划', parent: '上级机关', children: '下级机关', sites: '网站', editors: '本机关账号',
  },
  'api::site.site': { name: '网站名称', code: '网站标识', domain: '域名', organization: '主办单位', columns: '栏目' },
  'api::column.column': {
    name: '栏目名称', code: '栏目标识', site: '所属网站', parent: '上级栏目', children: '下级栏目', level: '栏目层级', updateClass: '更新类别', updateIntervalDays: '更新周期（天）',
  },
  'api::disclosure-category.disclosure-category': {
    code: '分类代码', name: '分类名称', keyPointTask: '工作要点任务', statutoryBasis: '法定依据', disclosureLimitDays: '公开时限（工作日）', isPolicy: '政策文件',
    detailComponent: '专用字段组', sortOrder: '排序', description: '说明', parent: '上级分类', children: '子分类',
  },
  'api::disclosure-item.disclosure-item': {
    title: '标题', indexNumber: '索引号', organization: '发布机构', issuingOrgan: '发文机关', documentNumber: '发文字号', category: '公开目录分类', topic: '主题分类',
    keywords: '主题词', summary: '内容概述', body: '正文', attachments: '附件', columns: '所属栏目', writtenDate: '成文日期', formedDate: '形成（变更）日期',
    firstPublishedAt: '首次发布时间', effectiveDate: '实施日期', expiryDate: '废止日期', validity: '有效性', disclosureAttribute: '公开方式',
    nonDisclosureReason: '不公开（依申请公开）理由', details: '分类专用信息', internalNote: '内部备注', organizationDocumentId: '机关标识（系统）', categoryCode: '分类代码（系统）',
    disclosureDueDate: '公开期限', timeliness: '公开及时性', daysLate: '逾期工作日数', interpretations: '政策解读',
  },
  'plugin::policy-linkage.interpretation': {
    title: '解读标题', policy: '所解读的政策文件', form: '解读形式', interpreter: '解读主体', interpreterName: '解读人（单位）', background: '出台背景', purpose: '目的依据',
    keyMeasures: '主要举措', furtherSections: '其他解读内容', media: '图解、音视频等附件', videoUrl: '视频地址', organization: '解读机关', organizationDocumentId: '机关标识（系统）',
    reviewStage: '审核状态', reviewComment: '审核意见', releasedAt: '发布时间', releaseLagWorkingDays: '滞后工作日数', releasedLate: '滞后发布',
  },
  'plugin::regulation-versions.regulation': {
    title: '文件名称', kind: '文件类型', documentNumber: '发文字号', organization: '制定机关', organizationDocumentId: '机关标识（系统）', region: '所属行政区划', topic: '主题分类',
    trial: '试行', interim: '暂行', validity: '有效性', validityOn: '有效性核定日期', currentVersionNumber: '现行版本', firstEffectiveOn: '首次施行日期', expiresOn: '有效期至',
    repealedOn: '废止日期', nextStatusChangeOn: '下次效力变化日期', reviewReminderOn: '评估提醒日期', reviewRemindedFor: '已提醒的届满日期', versions: '版本', events: '变动记录',
  },
  'plugin::deadlines.calendar-day': { date: '日期', kind: '类型', name: '名称' },
  'plugin::deadlines.application': {
    trackingCode: '查询码', channel: '申请方式', applicantType: '申请人类型', applicantName: '申请人', idDocumentType: '证件类型', idNumber: '证件号码', contactPhone: '联系电话',
    contactEmail: '电子邮箱', contactAddress: '通信地址', requestDescription: '所需信息描述', purpose: '用途', deliveryMethod: '获取方式', format: '载体形式', organization: '受理机关',
    submittedOn: '提交日期', receivedOn: '收到申请日期', state: '办理状态', dueDate: '答复期限', dueSoon: '即将到期', overdue: '已逾期', daysLate: '逾期工作日数',
    remainingWorkingDays: '剩余工作日', resultCode: '办理结果', resultOn: '答复日期', lateSupplementRequest: '补正告知逾期', extensionUsed: '已延期', events: '办理记录',
  },
  'details.plan': { periodStart: '规划期起（年）', periodEnd: '规划期止（年）', planLevel: '规划类型' },
  'details.budget': { budgetYear: '预算年度', budgetKind: '类型', revenueTenThousandYuan: '收入（万元）', expenditureTenThousandYuan: '支出（万元）' },
  'details.project': { approvalNumber: '批准文号', projectName: '项目名称', totalInvestmentTenThousandYuan: '总投资（万元）', stage: '阶段' },
  'details.enforcement': { decisionType: '决定类型', decisionNumber: '决定书文号', decisionDate: '决定日期' },
};

/** Fields the system sets: shown but not editable in the admin form. */
export const READ_ONLY_FIELDS: Record<string, string[]> = {
  'api::region.region': ['path'],
  'api::disclosure-item.disclosure-item': ['indexNumber', 'firstPublishedAt', 'validity', 'disclosureDueDate', 'timeliness', 'daysLate'],
  'plugin::policy-linkage.interpretation': ['organization', 'reviewStage', 'reviewComment', 'releasedAt', 'releaseLagWorkingDays', 'releasedLate'],
  'plugin::regulation-versions.regulation': ['validity', 'validityOn', 'currentVersionNumber', 'firstEffectiveOn', 'expiresOn', 'repealedOn', 'nextStatusChangeOn', 'reviewReminderOn'],
};

/** Fields kept out of the admin form altogether. */
export const HIDDEN_FIELDS: Record<string, string[]> = {
  'api::disclosure-item.disclosure-item': ['organizationDocumentId', 'categoryCode', 'interpretations'],
  'plugin::policy-linkage.interpretation': ['organizationDocumentId'],
  'plugin::regulation-versions.regulation': ['organizationDocumentId', 'regionPath', 'reviewRemindedFor', 'versions', 'events'],
  'plugin::deadlines.application': ['accessSecretHash', 'organizationDocumentId'],
};

/** Which field names an entry in lists and relation pickers. */
export const MAIN_FIELDS: Record<string, string> = {
  'api::region.region': 'name',
  'api::organization.organization': 'name',
  'api::site.site': 'name',
  'api::column.column': 'name',
  'api::disclosure-category.disclosure-category': 'name',
  'api::disclosure-item.disclosure-item': 'title',
  'plugin::regulation-versions.regulation': 'title',
  'plugin::deadlines.application': 'trackingCode',
  'plugin::policy-linkage.interpretation': 'title',
};
