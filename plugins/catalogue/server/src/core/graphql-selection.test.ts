import { relationPrefetch, selectedFields, type SelectionNode, type SelectionSetNode } from './graphql-selection';

const field = (name: string, selections?: SelectionNode[], args = 0): SelectionNode => ({
  kind: 'Field',
  name: { value: name },
  arguments: Array.from({ length: args }, () => ({})),
  ...(selections ? { selectionSet: { selections } } : {}),
});
const set = (...selections: SelectionNode[]): SelectionSetNode => ({ selections });

describe('selectedFields', () => {
  it('lists the fields of a selection through inline and named fragments, aliases merged', () => {
    const fields = selectedFields(
      [set(field('title'), { kind: 'InlineFragment', selectionSet: set(field('summary')) }, { kind: 'FragmentSpread', name: { value: 'Meta' } }, field('title'))],
      { Meta: { selectionSet: set(field('indexNumber'), { kind: 'FragmentSpread', name: { value: 'Meta' } }) } }
    );
    expect([...fields.keys()]).toEqual(['title', 'summary', 'indexNumber']);
    expect(fields.get('title')).toEqual({ withArguments: false, selectionSets: [] });
  });

  it('marks a field asked with arguments in any of its occurrences', () => {
    const fields = selectedFields([set(field('organization', [field('name')]), field('organization', [field('code')], 1))]);
    expect(fields.get('organization')?.withArguments).toBe(true);
    expect(fields.get('organization')?.selectionSets).toHaveLength(2);
  });
});

describe('relationPrefetch', () => {
  const relationsOf = (path: string[]) => (path.length === 0 ? ['organization', 'category'] : path[0] === 'organization' && path.length === 1 ? ['region'] : []);

  it('nests the relations asked without arguments, as far as they are known', () => {
    const fields = selectedFields([set(field('title'), field('organization', [field('name'), field('region', [field('name')])]), field('category', [field('name')]))]);
    expect(relationPrefetch(fields, relationsOf)).toEqual({
      organization: { fields: ['name', 'region'], relations: { region: { fields: ['name'], relations: {} } } },
      category: { fields: ['name'], relations: {} },
    });
  });

  it('leaves out a relation asked with arguments and relations not asked', () => {
    const fields = selectedFields([set(field('organization', [field('name')], 1), field('interpretations', [field('title')]))]);
    expect(relationPrefetch(fields, relationsOf)).toEqual({});
  });
});
