import { indexedPublicFilters } from './public-filters';

describe('public list filters on the item\'s own columns', () => {
  it('rewrites a category code filter at any depth', () => {
    expect(indexedPublicFilters({ category: { code: { $eq: 'rules' } }, topic: { $eq: 'other' } })).toEqual({ categoryCode: { $eq: 'rules' }, topic: { $eq: 'other' } });
    expect(indexedPublicFilters({ $and: [{ $or: [{ category: { code: 'plans' } }, { category: { code: { $in: ['a', 'b'] } } }] }] })).toEqual({
      $and: [{ $or: [{ categoryCode: { $eq: 'plans' } }, { categoryCode: { $in: ['a', 'b'] } }] }],
    });
    expect(indexedPublicFilters({ $not: { category: { code: { $eq: 'rules' } } } })).toEqual({ $not: { categoryCode: { $eq: 'rules' } } });
  });

  it('leaves every other relation filter to Strapi', () => {
    const untouched = [
      { category: { name: { $eq: '规章' } } },
      { category: { code: { $containsi: 'rul' } } },
      { category: { code: { $eq: 'rules' }, name: { $eq: '规章' } } },
      { category: { parent: { code: { $eq: 'rules' } } } },
      { organization: { code: { $eq: '11330000002482095X' } } },
      { category: { code: { $in: ['a', 1] } } },
    ];
    for (const filter of untouched) expect(indexedPublicFilters(filter)).toEqual(filter);
  });

  it('keeps both conditions when the column is also filtered directly', () => {
    expect(indexedPublicFilters({ categoryCode: { $eq: 'a' }, category: { code: { $eq: 'b' } } })).toEqual({
      $and: [{ categoryCode: { $eq: 'a' } }, { categoryCode: { $eq: 'b' } }],
    });
  });
});
