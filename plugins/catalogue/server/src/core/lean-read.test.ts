import { leanFilters, leanPopulate, paginationMeta, planLeanItem, planLeanList, type LeanListOptions } from './lean-read';

const options: LeanListOptions = {
  enumerations: { topic: ['general_affairs', 'finance_audit'], validity: ['valid', 'invalid'] },
  defaultLimit: 20,
  maxLimit: 100,
  withCount: true,
  defaultSort: ['firstPublishedAt:desc', 'id:desc'],
};

describe('lean public reads: which queries qualify', () => {
  it('plans the public site\'s category page as Strapi would read it', () => {
    expect(
      planLeanList(
        { filters: { category: { code: { $eq: 'rules' } } }, sort: ['firstPublishedAt:desc'], pagination: { page: '3', pageSize: '20' }, populate: ['organization', 'category'] },
        options
      )
    ).toEqual({
      filters: [{ categoryCode: { $eq: 'rules' } }],
      sort: [{ field: 'firstPublishedAt', order: 'desc' }],
      populate: ['organization', 'category'],
      start: 40,
      limit: 20,
      paged: true,
      withCount: true,
    });
  });

  it('applies the defaults of the API configuration when the client gives none', () => {
    expect(planLeanList({}, options)).toEqual({
      filters: [],
      sort: [{ field: 'firstPublishedAt', order: 'desc' }, { field: 'id', order: 'desc' }],
      populate: [],
      start: 0,
      limit: 20,
      paged: true,
      withCount: true,
    });
    expect(planLeanList({ pagination: { start: '5', limit: '7', withCount: 'f' } }, options)).toMatchObject({ start: 5, limit: 7, paged: false, withCount: false });
  });

  it('accepts enumeration filters with known values, bare, $eq, $in and under $and', () => {
    expect(leanFilters({ topic: 'finance_audit', $and: [{ validity: { $in: ['valid', 'invalid'] } }, { category: { code: 'plans' } }] }, options.enumerations)).toEqual([
      { topic: { $eq: 'finance_audit' } },
      { validity: { $in: ['valid', 'invalid'] } },
      { categoryCode: { $eq: 'plans' } },
    ]);
  });

  it('leaves everything else to Strapi, including what Strapi would refuse', () => {
    const leftToStrapi: Record<string, unknown>[] = [
      { filters: { topic: 'no_such_topic' } },
      { filters: { topic: { $ne: 'finance_audit' } } },
      { filters: { title: { $containsi: '规划' } } },
      { filters: { $or: [{ topic: 'finance_audit' }] } },
      { filters: { organization: { code: { $eq: '0033' } } } },
      { filters: { category: { code: { $in: ['rules', 1] } } } },
      { filters: { internalNote: { $eq: 'x' } } },
      { sort: 'title:asc' },
      { sort: ['id:desc'] },
      { pagination: { page: '0' } },
      { pagination: { page: '1', start: '0' } },
      { pagination: { pageSize: '101' } },
      { pagination: { pageSize: 'abc' } },
      { pagination: { withCount: 'maybe' } },
      { populate: '*' },
      { populate: ['interpretations'] },
      { populate: { organization: { populate: ['region'] } } },
      { fields: ['title'] },
      { status: 'draft' },
      { locale: 'en' },
    ];
    for (const query of leftToStrapi) expect(planLeanList(query, options)).toBeNull();
  });

  it('reads the populate forms Strapi accepts for to-one relations', () => {
    expect(leanPopulate('organization,category')).toEqual(['organization', 'category']);
    expect(leanPopulate({ category: 'true', organization: true })).toEqual(['category', 'organization']);
    expect(leanPopulate(['category', 'category'])).toEqual(['category']);
    expect(leanPopulate({ category: { fields: ['name'] } })).toBeNull();
    expect(planLeanItem({ populate: ['organization'] })).toEqual({ populate: ['organization'] });
    expect(planLeanItem({ fields: ['title'] })).toBeNull();
  });

  it('writes Strapi\'s pagination meta', () => {
    expect(paginationMeta({ start: 40, limit: 20, paged: true }, 95)).toEqual({ page: 3, pageSize: 20, pageCount: 5, total: 95 });
    expect(paginationMeta({ start: 40, limit: 20, paged: true }, undefined)).toEqual({ page: 3, pageSize: 20 });
    expect(paginationMeta({ start: 5, limit: 7, paged: false }, 9)).toEqual({ start: 5, limit: 7, total: 9 });
    expect(paginationMeta({ start: 5, limit: 7, paged: false }, undefined)).toEqual({ start: 5, limit: 7 });
  });
});
