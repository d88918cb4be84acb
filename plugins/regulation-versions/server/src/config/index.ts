import type { Core } from '@strapi/strapi';
import Joi from 'joi';
import { DEFAULT_VALIDITY_PERIOD_RULES, type ValidityPeriodRules } from '../core/validity-period';

/**
 * Regulation settings. The validity period of normative documents is local practice: override any
 * part of `validityPeriod`, e.g. `{ byKind: { normative_document: { years: 3, provisionalYears: 1 } }, reviewReminderMonths: 3 }`.
 */
export interface RegulationVersionsConfig {
  validityPeriod: Partial<ValidityPeriodRules>;
  /** Cron rule (Asia/Shanghai) of the job that stores each day's statuses; '' disables it. */
  statusCron: string;
}

const schema = Joi.object<RegulationVersionsConfig>({
  validityPeriod: Joi.object().unknown(true).required(),
  statusCron: Joi.string().allow('').required(),
});

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
const mergeDeep = <T>(base: T, override: unknown): T => {
  if (!isObject(base) || !isObject(override)) return (override === undefined ? base : override) as T;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(override)) out[key] = mergeDeep(out[key], value);
  return out as T;
};

/** The validity-period rules in force: the defaults with the configured overrides. */
export const validityPeriodRules = (strapi: Core.Strapi): ValidityPeriodRules =>
  mergeDeep(DEFAULT_VALIDITY_PERIOD_RULES, strapi.config.get('plugin::regulation-versions.validityPeriod') ?? {});

export default {
  default: { validityPeriod: {}, statusCron: '0 5 0 * * *' } satisfies RegulationVersionsConfig,
  validator(config: unknown) {
    const { error } = schema.validate(config, { abortEarly: false });
    if (error) throw new Error(`regulation-versions plugin config: ${error.message}`);
  },
};
