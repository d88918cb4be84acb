import type { Core } from '@strapi/strapi';

/**
 * Admin roles of the product and the users-permissions Public role. Re-applied on every start, so
 * a deployment always has the permission set this file describes.
 */
const ITEM = 'api::disclosure-item.disclosure-item';
const REFERENCE_TYPES = [
  'api::region.region',
  'api::organization.organization',
  'api::site.site',
  'api::column.column',
  'api::disclosure-category.disclosure-category',
];
export const OWN_ORGANIZATION = 'plugin::catalogue.own-organization';

/** Fields the system writes: readable by everyone who reads the item, never writable through the form. */
const SYSTEM_FIELDS = ['indexNumber', 'firstPublishedAt', 'organizationDocumentId', 'categoryCode', 'validity', 'disclosureDueDate', 'timeliness', 'daysLate', 'interpretations'];

const APPLICATION = 'plugin::deadlines.application';
const CALENDAR_DAY = 'plugin::deadlines.calendar-day';
const DEADLINES = {
  readApplications: 'plugin::deadlines.applications.read',
  handleApplications: 'plugin::deadlines.applications.handle',
  readReport: 'plugin::deadlines.report.read',
};

const REGULATION = 'plugin::regulation-versions.regulation';
const REGULATIONS = { read: 'plugin::regulation-versions.versions.read', manage: 'plugin::regulation-versions.versions.manage' };
const REGULATION_DERIVED = ['reviewRemindedFor', 'regionPath', 'validity', 'validityOn', 'currentVersionNumber', 'firstEffectiveOn', 'expiresOn', 'repealedOn', 'nextStatusChangeOn', 'reviewReminderOn', 'organizationDocumentId', 'versions', 'events'];

const INTERPRETATION = 'plugin::policy-linkage.interpretation';
const LINKAGE = {
  read: 'plugin::policy-linkage.review.read',
  submit: 'plugin::policy-linkage.review.submit',
  approve: 'plugin::policy-linkage.review.approve',
  waive: 'plugin::policy-linkage.review.waive',
  metrics: 'plugin::policy-linkage.metrics.read',
};
/** Set by the review workflow or derived from the policy: never written through the form. */
const INTERPRETATION_DERIVED = ['organization', 'organizationDocumentId', 'reviewStage', 'reviewComment', 'releasedAt', 'releaseLagWorkingDays', 'releasedLate'];
const WORD_LIST = 'plugin::content-security.word-list';
const SECURITY = {
  read: 'plugin::content-security.results.read',
  scan: 'plugin::content-security.documents.scan',
  mask: 'plugin::content-security.documents.mask',
  override: 'plugin::content-security.findings.override',
  rescan: 'plugin::content-security.rescan.run',
};

const ANNUAL_REPORT = 'plugin::compliance.annual-report';
const REVIEW_CASE = 'plugin::compliance.review-case';
const COMPLIANCE = {
  dashboard: 'plugin::compliance.dashboard.read',
  readReport: 'plugin::compliance.report.read',
  draftReport: 'plugin::compliance.report.draft',
  approveReport: 'plugin::compliance.report.approve',
  publishReport: 'plugin::compliance.report.publish',
};

const CM = (action: string) => `plugin::content-manager.explorer.${action}`;
const UPLOAD_READ = ['plugin::upload.read', 'plugin::upload.assets.download', 'plugin::upload.assets.copy-link'];
const UPLOAD_WRITE = ['plugin::upload.assets.create', 'plugin::upload.assets.update'];

export const ADMIN_ROLES = {
  departmentEditor: { code: 'department-editor', name: '部门编辑', description: '录入和修改本机关（部门）的政府信息，不能发布' },
  departmentReviewer: { code: 'department-reviewer', name: '部门审核', description: '审核并发布本机关（部门）的政府信息' },
  supervisor: { code: 'supervisor', name: '政务公开督查', description: '政务公开办：查看全部内容，不能修改' },
} as const;

type Permission = { action: string; subject?: string | null; properties?: { fields?: string[] }; conditions?: string[] };

const fieldsOf = (strapi: Core.Strapi, uid: string) =>
  Object.entries(strapi.contentType(uid as never)?.attributes ?? {})
    .filter(([name, attribute]) => !['createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations'].includes(name) && (attribute as { type: string }).type !== undefined)
    .map(([name]) => name);

const permissionsFor = (strapi: Core.Strapi, code: string): Permission[] => {
  const itemFields = fieldsOf(strapi, ITEM);
  const writableItemFields = itemFields.filter((f) => !SYSTEM_FIELDS.includes(f));
  const readAll = (uid: string): Permission => ({ action: CM('read'), subject: uid, properties: { fields: fieldsOf(strapi, uid) } });
  const ownItems = (action: string, fields?: string[]): Permission => ({
    action: CM(action),
    subject: ITEM,
    properties: fields ? { fields } : {},
    conditions: [OWN_ORGANIZATION],
  });
  const plain = (actions: string[]): Permission[] => actions.map((action) => ({ action, subject: null }));
  const ownApplications: Permission = { action: CM('read'), subject: APPLICATION, properties: { fields: fieldsOf(strapi, APPLICATION) }, conditions: [OWN_ORGANIZATION] };
  const handler = [ownApplications, readAll(CALENDAR_DAY), ...plain([DEADLINES.readApplications, DEADLINES.handleApplications])];
  const regulationFields = fieldsOf(strapi, REGULATION);
  const ownRegulations = (action: string, fields = regulationFields): Permission => ({ action: CM(action), subject: REGULATION, properties: { fields }, conditions: [OWN_ORGANIZATION] });
  const regulationDrafter = [
    ownRegulations('read'),
    ownRegulations('create', regulationFields.filter((f) => !REGULATION_DERIVED.includes(f))),
    ownRegulations('update', regulationFields.filter((f) => !REGULATION_DERIVED.includes(f))),
    ...plain([REGULATIONS.read, REGULATIONS.manage]),
  ];

  const interpretationFields = fieldsOf(strapi, INTERPRETATION);
  const ownInterpretations = (action: string, fields?: string[]): Permission => ({
    action: CM(action),
    subject: INTERPRETATION,
    properties: fields ? { fields } : {},
    conditions: [OWN_ORGANIZATION],
  });
  const interpretationDrafter = [
    ownInterpretations('read', interpretationFields),
    ownInterpretations('create', interpretationFields.filter((f) => !INTERPRETATION_DERIVED.includes(f))),
    ownInterpretations('update', interpretationFields.filter((f) => !INTERPRETATION_DERIVED.includes(f))),
    ...plain([LINKAGE.read, LINKAGE.submit, LINKAGE.waive]),
  ];

  switch (code) {
    case ADMIN_ROLES.departmentEditor.code:
      return [
        ...REFERENCE_TYPES.map(readAll),
        ownItems('read', itemFields),
        ownItems('create', writableItemFields),
        ownItems('update', writableItemFields),
        ...plain([...UPLOAD_READ, ...UPLOAD_WRITE]),
        ...handler,
        ...regulationDrafter,
        ...interpretationDrafter,
        ...plain([SECURITY.read, SECURITY.scan, SECURITY.mask]),
        ...plain([COMPLIANCE.readReport, COMPLIANCE.draftReport]),
      ];
    case ADMIN_ROLES.departmentReviewer.code:
      return [
        ...REFERENCE_TYPES.map(readAll),
        ownItems('read', itemFields),
        ownItems('create', writableItemFields),
        ownItems('update', writableItemFields),
        ownItems('delete'),
        ownItems('publish'),
        ...plain([...UPLOAD_READ, ...UPLOAD_WRITE]),
        ...handler,
        ...regulationDrafter,
        ...interpretationDrafter,
        ownInterpretations('delete'),
        ownInterpretations('publish'),
        ...plain([LINKAGE.approve, COMPLIANCE.readReport, COMPLIANCE.draftReport]),
        ...plain([SECURITY.read, SECURITY.scan, SECURITY.mask]),
      ];
    case ADMIN_ROLES.supervisor.code:
      return [
        ...REFERENCE_TYPES.map(readAll),
        readAll(ITEM),
        readAll(APPLICATION),
        readAll(CALENDAR_DAY),
        readAll(REGULATION),
        readAll(INTERPRETATION),
        readAll(ANNUAL_REPORT),
        readAll(REVIEW_CASE),
        { action: CM('create'), subject: REVIEW_CASE, properties: { fields: fieldsOf(strapi, REVIEW_CASE).filter((f) => f !== 'organizationDocumentId') } },
        { action: CM('update'), subject: REVIEW_CASE, properties: { fields: fieldsOf(strapi, REVIEW_CASE).filter((f) => f !== 'organizationDocumentId') } },
        ...plain([...UPLOAD_READ, DEADLINES.readApplications, DEADLINES.readReport, REGULATIONS.read, LINKAGE.read, LINKAGE.metrics]),
        // 政务公开办 keeps the word lists, overrides single findings with a reason and runs rescans.
        ...['read', 'create', 'update', 'delete'].map((action) => ({ action: CM(action), subject: WORD_LIST, properties: action === 'delete' ? {} : { fields: fieldsOf(strapi, WORD_LIST) } })),
        ...plain([SECURITY.read, SECURITY.override, SECURITY.rescan]),
        ...plain(Object.values(COMPLIANCE)),
      ];
    default:
      return [];
  }
};

/** Permissions of a plugin that is switched off are left out instead of failing the start. */
const available = (strapi: Core.Strapi, permission: Permission) =>
  !!strapi.service('admin::permission').actionProvider.get(permission.action) && (!permission.subject || !!strapi.contentType(permission.subject as never));

export const ensureAdminRoles = async (strapi: Core.Strapi) => {
  const roleService = strapi.service('admin::role');
  for (const role of Object.values(ADMIN_ROLES)) {
    const existing = await roleService.findOne({ code: role.code });
    const saved = existing ?? (await roleService.create({ name: role.name, code: role.code, description: role.description }));
    await roleService.assignPermissions(saved.id, permissionsFor(strapi, role.code).filter((p) => available(strapi, p)));
  }
};

/** What the public may read over REST and GraphQL: published catalogue content and the plans aggregation. */
const PUBLIC_ACTIONS = [
  ...[...REFERENCE_TYPES, ITEM].flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]),
  'plugin::catalogue.catalogue.plans',
  'plugin::catalogue.catalogue.openapi',
  'plugin::deadlines.applications.submit',
  'plugin::deadlines.applications.status',
  'plugin::deadlines.fees.publicQuote',
  ...['register', 'counts', 'versions', 'inForce', 'diff'].map((handler) => `plugin::regulation-versions.regulations.${handler}`),
  `${INTERPRETATION}.find`,
  `${INTERPRETATION}.findOne`,
  'plugin::compliance.reports.publicList',
  'plugin::compliance.reports.publicGet',
];

export const ensurePublicPermissions = async (strapi: Core.Strapi) => {
  const publicRole = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!publicRole) return;
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const granted = new Set(
    (await permissions.findMany({ where: { role: publicRole.id }, select: ['action'] })).map((p: { action: string }) => p.action)
  );
  for (const action of PUBLIC_ACTIONS) {
    const [, pluginName] = /^plugin::([^.]+)\./.exec(action) ?? [];
    if (pluginName && !strapi.plugin(pluginName)) continue;
    if (!granted.has(action)) await permissions.create({ data: { action, role: publicRole.id } });
  }
};
