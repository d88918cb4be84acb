import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, REMINDER_TABLE, UID } from '../constants';
import { reminderDue } from '../core/reminders';
import { shanghaiToday } from '../utils/dates';

/**
 * Annual-report reminders: ahead of 31 January departments (部门), ahead of 31 March governments
 * (kind `government`) whose report of last year is not yet submitted get one e-mail to their
 * editors. Each reminder is claimed by inserting its key (primary key) first, so several instances
 * send it once; a failed send gives the claim back.
 */
const reminders = ({ strapi }: { strapi: Core.Strapi }) => ({
  async ensureTables() {
    const knex = strapi.db.connection;
    if (!(await knex.schema.hasTable(REMINDER_TABLE))) {
      await knex.schema.createTable(REMINDER_TABLE, (table) => {
        table.string('reminder_key', 200).primary();
        table.string('organization_document_id', 64).notNullable();
        table.text('recipients');
        table.timestamp('sent_at');
      });
    }
  },

  async claim(key: string, organizationDocumentId: string) {
    const rows = await strapi.db.connection(REMINDER_TABLE).insert({ reminder_key: key, organization_document_id: organizationDocumentId }).onConflict('reminder_key').ignore().returning('reminder_key');
    return rows.length === 1;
  },

  async scan(today = shanghaiToday()) {
    const due = reminderDue(today, strapi.config.get(`plugin::${PLUGIN_ID}.reminderLeadDays`) as number);
    if (!due) return { due: null, sent: 0, failed: 0 };
    const organizations = (await strapi.db.query(UID.organization).findMany({
      where: due.audience === 'government' ? { kind: 'government' } : { $or: [{ kind: { $ne: 'government' } }, { kind: null }] },
      select: ['id', 'documentId', 'name', 'code'],
      populate: { editors: { select: ['id', 'email', 'isActive'] } },
    })) as Array<{ documentId: string; name: string; code: string; editors?: Array<{ email: string; isActive: boolean }> }>;
    const done = new Set(
      ((await strapi.db.query(UID.annualReport).findMany({ where: { reportYear: due.reportYear, scopeKind: 'organization', stage: { $in: ['submitted', 'approved', 'published'] } }, select: ['id', 'scopeCode'] })) as Array<{ scopeCode: string }>).map((r) => r.scopeCode)
    );
    let sent = 0;
    let failed = 0;
    const from = strapi.config.get(`plugin::${PLUGIN_ID}.reminderFrom`) as string | null;
    for (const org of organizations) {
      if (done.has(org.code)) continue;
      const recipients = (org.editors ?? []).filter((e) => e.isActive && e.email).map((e) => e.email);
      if (!recipients.length) continue;
      const key = `annual-report:${due.reportYear}:${due.deadline}:${org.documentId}`;
      if (!(await this.claim(key, org.documentId))) continue;
      try {
        await strapi.plugin('email').service('email').send({
          ...(from ? { from } : {}),
          to: recipients.join(','),
          subject: `【政务公开】请于 ${due.deadline} 前报送 ${due.reportYear} 年政府信息公开工作年度报告`,
          text: [`${org.name}：`, `${due.reportYear} 年政府信息公开工作年度报告应于 ${due.deadline} 前向社会公布${due.audience === 'government' ? '' : '并报送本级政府信息公开工作主管部门'}。`, '系统中尚无已提交的报告，请登录政务公开管理平台编制并提交。'].join('\n'),
        });
        await strapi.db.connection(REMINDER_TABLE).where({ reminder_key: key }).update({ recipients: recipients.join(','), sent_at: new Date() });
        sent += 1;
      } catch (error) {
        await strapi.db.connection(REMINDER_TABLE).where({ reminder_key: key }).delete();
        strapi.log.warn(`[compliance] reminder ${key} failed: ${(error as Error).message}`);
        failed += 1;
      }
    }
    return { due, sent, failed };
  },
});

export type RemindersService = ReturnType<typeof reminders>;
export default reminders;
