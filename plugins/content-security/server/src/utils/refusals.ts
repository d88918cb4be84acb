import { errors } from '@strapi/utils';
import { BLOCKING_CODES, type BlockingCode, type Finding } from '../core/findings';

type Reported = Finding & { label: string; where: string };

/**
 * Strapi's 400 shape with a stable code: `details.code` is the most serious rule broken,
 * `details.findings[]` every finding (type, location, masked preview) and `details.errors[]` the
 * same findings as field errors, so the admin's form shows them on their field.
 */
export const refuseFindings = (code: BlockingCode, findings: Reported[]): never => {
  const first = findings.find((f) => f.code === code) ?? findings[0];
  throw new errors.ValidationError(`${BLOCKING_CODES[code]}：${first.where} ${first.label} ${first.preview}（共 ${findings.length} 处）`, {
    code,
    findings,
    errors: findings.map((f) => ({
      path: f.location.field ? [f.location.field] : ['attachments'],
      code: f.code,
      message: `${BLOCKING_CODES[f.code]}（${f.where}：${f.label} ${f.preview}）`,
      name: 'ValidationError',
    })),
  });
};

export const refuse = (code: string, message: string, path: string[] = [], detail: Record<string, unknown> = {}): never => {
  throw new errors.ValidationError(message, { code, ...detail, errors: [{ path, code, message, name: 'ValidationError' }] });
};

export const forbidden = (code: string, message: string): never => {
  throw new errors.PolicyError(message, { code });
};

export const notFound = (code: string, message: string): never => {
  throw new errors.NotFoundError(message, { code });
};
