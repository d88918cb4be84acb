import { errors } from '@strapi/utils';
import { DEADLINES_ERRORS, DeadlinesError, type DeadlinesErrorCode, type Refusal } from '../core/errors';

type FieldProblem = { path: string[]; code: string; message: string; value?: unknown };

/** Strapi's 400 shape with a stable code: `details.code` is the first problem, `details.errors[]` lists all. */
export const refuseInput = (problems: FieldProblem[]): never => {
  const [first] = problems;
  throw new errors.ValidationError(`${first.path.join('.') || 'input'}: ${first.message}`, {
    code: first.code,
    errors: problems.map((p) => ({ ...p, name: 'ValidationError' })),
  });
};

export const refuseWith = (refusal: Refusal): never =>
  refuseInput([{ path: refusal.field ? [refusal.field] : [], code: refusal.code, message: refusal.message, value: refusal.value }]);

export const refuse = (code: DeadlinesErrorCode, field?: string, value?: unknown): never =>
  refuseInput([{ path: field ? [field] : [], code, message: DEADLINES_ERRORS[code], value }]);

/** 403 that survives Strapi's authorize middleware (see the catalogue plugin's refusals). */
export const refuseForbidden = (code: string, message: string): never => {
  throw new errors.PolicyError(message, { code });
};

export const notFound = (message = '申请不存在'): never => {
  throw new errors.NotFoundError(message, { code: 'APPLICATION_NOT_FOUND' });
};

/** Runs core code that may throw a DeadlinesError and turns it into a 400. */
export const withRefusals = <T>(run: () => T): T => {
  try {
    return run();
  } catch (error) {
    if (error instanceof DeadlinesError) return refuseWith(error.toRefusal());
    throw error;
  }
};
