import { errors } from '@strapi/utils';
import { RegulationError, type Refusal } from '../core/errors';

type Problem = { path: string[]; code: string; message: string; value?: unknown };

const toProblem = (refusal: Refusal): Problem => ({ path: refusal.field ? [refusal.field] : [], code: refusal.code, message: refusal.message, value: refusal.value });

/** Strapi's 400 shape with stable codes: `details.code` is the first rule broken, `details.errors[]` all of them. */
export const refuseInput = (problems: Problem[]): never => {
  const [first] = problems;
  throw new errors.ValidationError(`${first.path.join('.') || 'input'}: ${first.message}`, {
    code: first.code,
    errors: problems.map((p) => ({ ...p, name: 'ValidationError' })),
  });
};

export const refuseAll = (refusals: Refusal[]): void => {
  if (refusals.length) refuseInput(refusals.map(toProblem));
};

export const refuseForbidden = (message: string): never => {
  throw new errors.PolicyError(message, { code: 'ORGANIZATION_OUT_OF_SCOPE' });
};

export const notFound = (message = '规章或规范性文件不存在'): never => {
  throw new errors.NotFoundError(message, { code: 'REGULATION_NOT_FOUND' });
};

/** Runs core code that may throw a RegulationError and answers it with a 400. */
export const withRefusals = <T>(run: () => T): T => {
  try {
    return run();
  } catch (error) {
    if (error instanceof RegulationError) return refuseInput([toProblem(error.toRefusal())]);
    throw error;
  }
};
