import Joi from 'joi';
import { DEFAULT_GATED_CONTENT_TYPES } from '../constants';

/**
 * Content-security settings (`config/plugins.ts` → `'content-security'.config`):
 * - `contentTypes`: UIDs the gate covers (besides any type whose schema has
 *   `pluginOptions: { 'content-security': { scan: true } }`); unregistered UIDs are skipped;
 * - `allowDomains`: link hosts allowed besides gov.cn (each with its subdomains);
 * - `rescanCron`: the scheduled rescan of published content ('' disables it);
 * - `rescanAfterWordListChangeMs`: delay of the rescan after a word list is saved (0 disables it);
 * - `maxAttachmentBytes`: larger attachments are reported as unreadable instead of parsed.
 */
export interface ContentSecurityConfig {
  contentTypes: string[];
  allowDomains: string[];
  rescanCron: string;
  rescanAfterWordListChangeMs: number;
  maxAttachmentBytes: number;
}

const schema = Joi.object<ContentSecurityConfig>({
  contentTypes: Joi.array().items(Joi.string().pattern(/^(api|plugin)::[\w-]+\.[\w-]+$/)).required(),
  allowDomains: Joi.array().items(Joi.string().hostname()).required(),
  rescanCron: Joi.string().allow('').required(),
  rescanAfterWordListChangeMs: Joi.number().integer().min(0).required(),
  maxAttachmentBytes: Joi.number().integer().min(1).required(),
});

export default {
  default: {
    contentTypes: DEFAULT_GATED_CONTENT_TYPES,
    allowDomains: [],
    rescanCron: '0 30 2 * * *',
    rescanAfterWordListChangeMs: 2000,
    maxAttachmentBytes: 50 * 1024 * 1024,
  } satisfies ContentSecurityConfig,
  validator(config: unknown) {
    const { error } = schema.validate(config, { abortEarly: false });
    if (error) throw new Error(`content-security plugin config: ${error.message}`);
  },
};
