/**
 * Which GraphQL fields can skip Strapi's resolver wrapper. Strapi's GraphQL plugin wraps every field
 * of the schema in an authorisation step and a policy middleware. For a field that is not a root
 * operation and has no resolver configuration (`auth`, `policies`, `middlewares` for `Type.field`)
 * the wrapper checks nothing, yet it builds a policy context for each value: a page of 20 items with
 * ten scalar fields does it 200 times. Such a field whose resolver is GraphQL's default (read the
 * property) answers the same without the wrapper.
 */
export type FieldFacts = { type: string; field: string; defaultResolver: boolean };

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);
const WRAPPER_SETTINGS = ['auth', 'policies', 'middlewares'];

/** Strapi reads `Type.field` as a key or as a nested path (lodash `get`). */
const settingsOf = (resolversConfig: Record<string, unknown>, type: string, field: string): unknown => {
  const flat = resolversConfig[`${type}.${field}`];
  if (flat !== undefined) return flat;
  const nested = resolversConfig[type];
  return nested && typeof nested === 'object' ? (nested as Record<string, unknown>)[field] : undefined;
};

export const fieldsWithoutWrapperWork = (fields: readonly FieldFacts[], resolversConfig: Record<string, unknown>): FieldFacts[] =>
  fields.filter(({ type, field, defaultResolver }) => {
    if (!defaultResolver || ROOT_TYPES.has(type) || type.startsWith('__') || field.startsWith('__')) return false;
    const settings = settingsOf(resolversConfig, type, field);
    if (settings === undefined) return true;
    return typeof settings === 'object' && settings !== null && !WRAPPER_SETTINGS.some((key) => key in settings);
  });
