import { catalogueFilters, parseCatalogueQuery } from './catalogue-query';
import { checkRegionPlacement, regionPath } from './region-path';
import { shanghaiDate, startOfNextShanghaiDay } from './china-time';

describe('public catalogue query parameters', () => {
  it('passes Strapi parameters through and validates its own', () => {
    const parsed = parseCatalogueQuery({ region: '330100', from: '2026-01-01', to: '2026-06-30', pagination: { page: 2 } });
    expect(parsed).toEqual({ ok: true, value: { region: '330100', from: '2026-01-01', to: '2026-06-30' } });
  });

  it('names each bad parameter', () => {
    const parsed = parseCatalogueQuery({ region: '33', from: '2026-13-45', validity: 'sort-of' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => e.path[0]).sort()).toEqual(['from', 'region', 'validity']);
    expect(parsed.errors.every((e) => e.code === 'QUERY_PARAMETER_INVALID')).toBe(true);
  });

  it('refuses days that do not exist, once per parameter', () => {
    const parsed = parseCatalogueQuery({ from: '2026-02-30', to: '2026-02-30x' });
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.path[0])).toEqual(['from', 'to']);
  });

  it('refuses a reversed date range', () => {
    const parsed = parseCatalogueQuery({ from: '2026-06-01', to: '2026-05-01' });
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.path[0])).toEqual(['to']);
  });

  it('turns a region into its organisations and dates into Shanghai day bounds', () => {
    const filters = catalogueFilters({ region: '330100', from: '2026-01-01', to: '2026-01-31' }, { regionOrganizationDocumentIds: ['a1', 'b2'] });
    expect(filters).toEqual([
      { organizationDocumentId: { $in: ['a1', 'b2'] } },
      { firstPublishedAt: { $gte: '2026-01-01T00:00:00.000+08:00' } },
      { firstPublishedAt: { $lt: '2026-02-01T00:00:00.000+08:00' } },
    ]);
  });

  it('puts organisation and category on the item\'s own columns; nothing found matches nothing', () => {
    expect(catalogueFilters({ organization: '11330100MB0000001', category: 'plans' }, { organizationDocumentIds: [], categoryCodes: ['plans', 'plans-five-year'] })).toEqual([
      { organizationDocumentId: { $in: [] } },
      { categoryCode: { $in: ['plans', 'plans-five-year'] } },
    ]);
  });
});

describe('region tree', () => {
  it('builds materialised paths', () => {
    expect(regionPath(null, '330000')).toBe('/330000/');
    expect(regionPath('/330000/', '330100')).toBe('/330000/330100/');
  });

  it('requires children to sit inside the parent code and below its level', () => {
    const province = { code: '330000', level: 'province' as const };
    expect(checkRegionPlacement({ code: '330100', level: 'city' }, province)).toEqual([]);
    expect(checkRegionPlacement({ code: '330106001', level: 'township' }, { code: '330106', level: 'county' })).toEqual([]);
    expect(checkRegionPlacement({ code: '320100', level: 'city' }, province).map((e) => e.code)).toEqual(['REGION_CODE_OUTSIDE_PARENT']);
    expect(checkRegionPlacement({ code: '330100', level: 'province' }, province).map((e) => e.code)).toEqual(['REGION_LEVEL_ORDER']);
  });
});

describe('Asia/Shanghai dates', () => {
  it('rolls over at 16:00 UTC', () => {
    expect(shanghaiDate(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(shanghaiDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(startOfNextShanghaiDay('2026-12-31')).toBe('2027-01-01T00:00:00.000+08:00');
  });
});
