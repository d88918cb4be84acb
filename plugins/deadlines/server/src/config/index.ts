import Joi from 'joi';

/**
 * Deadlines settings. Statutory limits default to the regulation (core/clock-rules.ts); a province
 * overrides any of them here, e.g. `clockRules: { dueSoon: { workingDays: 3 } }`.
 */
export interface DeadlinesConfig {
  clockRules: Record<string, unknown>;
  intakeRateLimit: { max: number; windowSeconds: number };
  /** Cron rule (Asia/Shanghai) of the scan that updates statuses and sends reminders; '' disables it. */
  scanCron: string;
  /** Sender of reminder e-mails; defaults to the email plugin's default `from`. */
  notificationFrom: string | null;
}

const schema = Joi.object<DeadlinesConfig>({
  clockRules: Joi.object().unknown(true).required(),
  intakeRateLimit: Joi.object({ max: Joi.number().integer().min(1).required(), windowSeconds: Joi.number().integer().min(1).required() }).required(),
  scanCron: Joi.string().allow('').required(),
  notificationFrom: Joi.string().email({ tlds: false }).allow(null),
});

export default {
  default: {
    clockRules: {},
    intakeRateLimit: { max: 5, windowSeconds: 600 },
    scanCron: '0 15 * * * *',
    notificationFrom: null,
  } satisfies DeadlinesConfig,
  validator(config: unknown) {
    const { error } = schema.validate(config, { abortEarly: false });
    if (error) throw new Error(`deadlines plugin config: ${error.message}`);
  },
};
