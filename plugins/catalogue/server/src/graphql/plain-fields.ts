import type { Core } from '@strapi/strapi';
import { defaultFieldResolver, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { fieldsWithoutWrapperWork, type FieldFacts } from '../core/plain-fields';

type Field = GraphQLField<unknown, unknown>;
type ExtensionArgs = { nexus: { plugin: (config: { name: string; onAfterBuild: (schema: GraphQLSchema) => void }) => unknown }; typeRegistry: unknown };

/**
 * Keeps the fields core/plain-fields finds on GraphQL's default resolver, out of Strapi's wrapper.
 * Strapi builds the schema with Nexus, then wraps every field by assigning its `resolve` once
 * (wrap-resolvers in @strapi/plugin-graphql). A Nexus plugin sees the schema just before that: for
 * each such field, the first assignment is declined and the field becomes an ordinary property again,
 * so later instrumentation (Apollo's) wraps it as before. The resolver configuration is read the way
 * Strapi's wrapper reads it, from every registered extension.
 */
export const plainFields = (strapi: Core.Strapi) => ({ nexus, typeRegistry }: ExtensionArgs) => ({
  plugins: [
    nexus.plugin({
      name: 'catalogue-plain-fields',
      onAfterBuild(schema) {
        if (!strapi.config.get('plugin::catalogue.graphqlPlainFields', true)) return;
        const { resolversConfig = {} } = strapi.plugin('graphql').service('extension').generate({ typeRegistry }) as { resolversConfig?: Record<string, unknown> };
        const fields = new Map<FieldFacts, Field>();
        for (const type of Object.values(schema.getTypeMap())) {
          if (!isObjectType(type)) continue;
          for (const field of Object.values(type.getFields())) fields.set({ type: type.name, field: field.name, defaultResolver: field.resolve === defaultFieldResolver }, field);
        }
        const plain = fieldsWithoutWrapperWork([...fields.keys()], resolversConfig);
        for (const facts of plain) declineWrapper(fields.get(facts)!);
        strapi.log.debug(`[catalogue] ${plain.length} of ${fields.size} GraphQL fields answer without Strapi's resolver wrapper`);
      },
    }),
  ],
});

const declineWrapper = (field: Field) => {
  const resolve = field.resolve;
  Object.defineProperty(field, 'resolve', {
    configurable: true,
    enumerable: true,
    get: () => resolve,
    set: () => Object.defineProperty(field, 'resolve', { configurable: true, enumerable: true, writable: true, value: resolve }),
  });
};
