import Joi from 'joi';
import { DEFAULT_INSPECTION_RULES, type InspectionRules } from '../core/inspection';

/**
 * Compliance settings: the inspection thresholds (国办秘函〔2019〕19号) and the annual-report
 * reminders. Override in config/plugins.ts → compliance.config.
 */
export interface ComplianceConfig {
  inspection: InspectionRules;
  /** Cron rule (Asia/Shanghai) of the annual-report reminder job; '' disables it. */
  reminderCron: string;
  /** Days before each statutory deadline (31 January departments, 31 March governments) that reminders start. */
  reminderLeadDays: number;
  reminderFrom: string | null;
  /** Cron rule of the per-column activity refresh ('' disables it) and the age after which the dashboard refreshes it itself. */
  activityRefreshCron: string;
  activityMaxAgeMinutes: number;
}

const schema = Joi.object<ComplianceConfig>({
  inspection: Joi.object({
    intervalDays: Joi.object({ news: Joi.number().integer().min(1), notice: Joi.number().integer().min(1), yearly: Joi.number().integer().min(1) }).required(),
    staleTogether: Joi.number().integer().min(1).required(),
    notUpdating: Joi.number().integer().min(1).required(),
    blank: Joi.number().integer().min(1).required(),
    homepageDays: Joi.number().integer().min(1).required(),
  }).required(),
  reminderCron: Joi.string().allow('').required(),
  reminderLeadDays: Joi.number().integer().min(1).max(60).required(),
  reminderFrom: Joi.string().email({ tlds: false }).allow(null),
  activityRefreshCron: Joi.string().allow('').required(),
  activityMaxAgeMinutes: Joi.number().min(0).max(1440).required(),
});

export default {
  default: { inspection: DEFAULT_INSPECTION_RULES, reminderCron: '0 0 9 * * *', reminderLeadDays: 15, reminderFrom: null, activityRefreshCron: '0 */5 * * * *', activityMaxAgeMinutes: 10 } satisfies ComplianceConfig,
  validator(config: unknown) {
    const { error } = schema.validate(config, { abortEarly: false });
    if (error) throw new Error(`compliance plugin config: ${error.message}`);
  },
};
