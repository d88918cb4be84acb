import { fieldsWithoutWrapperWork, type FieldFacts } from './plain-fields';

const f = (type: string, field: string, defaultResolver = true): FieldFacts => ({ type, field, defaultResolver });

describe('fieldsWithoutWrapperWork', () => {
  it('keeps default-resolved fields of object types without resolver settings', () => {
    const fields = [f('DisclosureItem', 'title'), f('DisclosureItem', 'organization', false), f('Query', 'disclosureItems'), f('Mutation', 'createX'), f('__Type', 'name'), f('DisclosureItem', '__typename')];
    expect(fieldsWithoutWrapperWork(fields, {}).map(({ field }) => field)).toEqual(['title']);
  });

  it('leaves a field with auth, policies or middlewares to Strapi, flat or nested', () => {
    const fields = [f('DisclosureItem', 'title'), f('DisclosureItem', 'summary'), f('DisclosureItem', 'body'), f('DisclosureItem', 'validity'), f('Organization', 'name')];
    const config = {
      'DisclosureItem.title': { auth: false },
      'DisclosureItem.summary': { policies: ['is-owner'] },
      DisclosureItem: { body: { middlewares: [() => null] }, validity: {} },
    };
    expect(fieldsWithoutWrapperWork(fields, config).map(({ type, field }) => `${type}.${field}`)).toEqual(['DisclosureItem.validity', 'Organization.name']);
  });
});
