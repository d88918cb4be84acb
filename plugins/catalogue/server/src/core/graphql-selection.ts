/**
 * What a GraphQL query asks of a field's result: the sub-fields it selects, following inline fragments
 * and named fragments. The lean root queries use it to read only the columns and relations a page needs
 * (graphql/lean-queries). Structural types, so the core needs no GraphQL runtime.
 */
export type SelectionNode =
  | { kind: 'Field'; name: { value: string }; arguments?: ReadonlyArray<unknown>; selectionSet?: SelectionSetNode }
  | { kind: 'InlineFragment'; selectionSet: SelectionSetNode }
  | { kind: 'FragmentSpread'; name: { value: string } };
export type SelectionSetNode = { selections: ReadonlyArray<SelectionNode> };
export type Fragments = Record<string, { selectionSet: SelectionSetNode } | undefined>;

/** One selected field: whether any occurrence passes arguments, and the sub-selections of all its occurrences. */
export type SelectedField = { withArguments: boolean; selectionSets: SelectionSetNode[] };

/**
 * The fields selected in `sets`, by field name (aliases merged). Type conditions and `@skip`/`@include`
 * are not evaluated: a field that might be asked counts as asked, which only ever reads a little more.
 */
export const selectedFields = (sets: ReadonlyArray<SelectionSetNode | undefined>, fragments: Fragments = {}): Map<string, SelectedField> => {
  const fields = new Map<string, SelectedField>();
  const seenFragments = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const node of set?.selections ?? []) {
      if (node.kind === 'Field') {
        const field = fields.get(node.name.value) ?? { withArguments: false, selectionSets: [] };
        field.withArguments ||= (node.arguments?.length ?? 0) > 0;
        if (node.selectionSet) field.selectionSets.push(node.selectionSet);
        fields.set(node.name.value, field);
      } else if (node.kind === 'InlineFragment') {
        visit(node.selectionSet);
      } else if (node.kind === 'FragmentSpread' && !seenFragments.has(node.name.value)) {
        seenFragments.add(node.name.value);
        visit(fragments[node.name.value]?.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return fields;
};

/** A relation the lean read can fetch with the page: the fields asked of it, and its own relations to fetch. */
export type RelationPrefetch = { [relation: string]: { fields: string[]; relations: RelationPrefetch } };

/**
 * The relations of `fields` to read with the page, nested as far as `relationsOf` knows them
 * (`relationsOf(path)` lists the prefetchable relations below a path, e.g. [] → organization,
 * category; ['organization'] → region). A relation asked with arguments is left to its resolver.
 */
export const relationPrefetch = (
  fields: Map<string, SelectedField>,
  relationsOf: (path: string[]) => readonly string[],
  fragments: Fragments = {},
  path: string[] = []
): RelationPrefetch => {
  const prefetch: RelationPrefetch = {};
  for (const relation of relationsOf(path)) {
    const field = fields.get(relation);
    if (!field || field.withArguments) continue;
    const asked = selectedFields(field.selectionSets, fragments);
    prefetch[relation] = { fields: [...asked.keys()], relations: relationPrefetch(asked, relationsOf, fragments, [...path, relation]) };
  }
  return prefetch;
};
