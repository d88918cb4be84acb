import { errors } from '@strapi/utils';
import { LINKAGE_ERRORS, type LinkageErrorCode, type Refusal } from '../core/errors';

/** Strapi's 400 shape with stable codes: `details.code` is the first rule broken, `details.errors[]` all of them. */
export const refuse = (refusals: Refusal[]): never => {
  const [first] = refusals;
  throw new errors.ValidationError(`${first.field ?? 'input'}: ${first.message}`, {
    code: first.code,
    ...(first.detail ?? {}),
    errors: refusals.map((r) => ({ path: r.field ? [r.field] : [], code: r.code, message: r.message, name: 'ValidationError', ...(r.detail ?? {}) })),
  });
};

export const refuseIfAny = (refusals: Refusal[]): void => {
  if (refusals.length) refuse(refusals);
};

/** A 403 that keeps its code (Strapi's authorize middleware strips a ForbiddenError's message, not a PolicyError's). */
export const refuseOutOfScope = (detail: Record<string, unknown> = {}): never => {
  throw new errors.PolicyError(LINKAGE_ERRORS.ORGANIZATION_OUT_OF_SCOPE, { code: 'ORGANIZATION_OUT_OF_SCOPE' satisfies LinkageErrorCode, ...detail });
};

export const notFound = (detail: Record<string, unknown> = {}): never => {
  throw new errors.NotFoundError(LINKAGE_ERRORS.NOT_FOUND, { code: 'NOT_FOUND' satisfies LinkageErrorCode, ...detail });
};
