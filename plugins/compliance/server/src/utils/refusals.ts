import { errors } from '@strapi/utils';
import { ComplianceError } from '../core/annual-report';

type FieldProblem = { path: string[]; code: string; message: string; value?: unknown };

/** Strapi's 400 shape with a stable code: `details.code` is the first problem, `details.errors[]` lists all. */
export const refuseInput = (problems: FieldProblem[]): never => {
  const [first] = problems;
  throw new errors.ValidationError(`${first.path.join('.') || 'input'}: ${first.message}`, {
    code: first.code,
    errors: problems.map((p) => ({ ...p, name: 'ValidationError' })),
  });
};

export const refuse = (code: string, message: string, field?: string, value?: unknown): never =>
  refuseInput([{ path: field ? [field] : [], code, message, value }]);

export const forbidden = (code: string, message: string): never => {
  throw new errors.PolicyError(message, { code });
};

export const notFound = (message: string, code = 'NOT_FOUND'): never => {
  throw new errors.NotFoundError(message, { code });
};

/** Runs core code that may throw a ComplianceError and turns it into a 400. */
export const withRefusals = <T>(run: () => T): T => {
  try {
    return run();
  } catch (error) {
    if (error instanceof ComplianceError) return refuse(error.code, error.message, error.field, error.value);
    throw error;
  }
};
