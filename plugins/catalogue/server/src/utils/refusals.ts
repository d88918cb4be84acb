import { errors } from '@strapi/utils';
import { CATALOGUE_ERRORS, type CatalogueErrorCode, type FieldError } from '../core/errors';

/**
 * Strapi's error shape, plus a stable code: `error.details.code` is the first rule broken and
 * `error.details.errors[]` lists every field with its own `code`, `path` and Chinese `message`.
 */
export const refuseFields = (fieldErrors: FieldError[]): never => {
  const [first] = fieldErrors;
  throw new errors.ValidationError(`${first.path.join('.')}: ${first.message}`, {
    code: first.code,
    errors: fieldErrors.map((e) => ({ path: e.path, code: e.code, message: e.message, name: 'ValidationError', value: e.value })),
  });
};

/**
 * A 403 that keeps its message and code: Strapi's authorize middleware turns any other
 * ForbiddenError raised below it into a bare "Forbidden", but lets a PolicyError through.
 */
export const refuseForbidden = (code: CatalogueErrorCode, detail: Record<string, unknown> = {}): never => {
  throw new errors.PolicyError(CATALOGUE_ERRORS[code], { code, ...detail });
};
