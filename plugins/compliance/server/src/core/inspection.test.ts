import { judgeColumn, judgeSite, verdictText, type ColumnFacts } from './inspection';

const TODAY = '2026-11-20';
let n = 0;
const column = (updateClass: ColumnFacts['updateClass'], lastUpdatedOn: string | null, extra: Partial<ColumnFacts> = {}): ColumnFacts => ({
  id: ++n, documentId: `c${n}`, name: `栏目${n}`, level: 1, updateClass, updateIntervalDays: null, lastUpdatedOn, items: lastUpdatedOn ? 1 : 0, ...extra,
});

describe('column freshness', () => {
  it('makes news stale after 14 days and notices after 183, never static columns', () => {
    expect(judgeColumn(column('news', '2026-11-06'), TODAY)).toMatchObject({ stale: false, daysSinceUpdate: 14, intervalDays: 14 });
    expect(judgeColumn(column('news', '2026-11-05'), TODAY)).toMatchObject({ stale: true, staleVeto: true });
    expect(judgeColumn(column('notice', '2026-05-21'), TODAY)).toMatchObject({ stale: false });
    expect(judgeColumn(column('notice', '2026-05-20'), TODAY)).toMatchObject({ stale: true, staleVeto: true });
    expect(judgeColumn(column('static', null), TODAY)).toMatchObject({ stale: false, blank: true, intervalDays: null });
  });

  it('counts a second-level notice column as not updating but not in the "5 together" veto', () => {
    expect(judgeColumn(column('notice', '2025-01-01', { level: 2 }), TODAY)).toMatchObject({ stale: true, staleVeto: false });
    expect(judgeColumn(column('yearly', '2025-01-01'), TODAY)).toMatchObject({ stale: true, staleVeto: false });
  });

  it('honours a per-column interval', () => {
    expect(judgeColumn(column('news', '2026-10-30', { updateIntervalDays: 30 }), TODAY)).toMatchObject({ stale: false, intervalDays: 30 });
  });
});

describe('site verdict', () => {
  it('fails with 5 stale news/notice columns together', () => {
    const columns = [...Array.from({ length: 5 }, () => column('news', '2026-10-01')), column('news', '2026-11-19')];
    const verdict = judgeSite(columns, TODAY);
    expect(verdict).toMatchObject({ fails: true, staleTogether: 5, notUpdating: 5, blank: 0, homepageStale: false });
    expect(verdictText('某网站', verdict)).toBe('某网站在抽查中将被判定为不合格，原因：动态、要闻类栏目超过 2 周未更新及通知公告、政策文件类一级栏目超过 6 个月未更新的栏目共 5 个（达到 5 个）。');
  });

  it('passes with 4, fails with 10 not updating of any class and with 5 blank columns', () => {
    const fresh = column('news', '2026-11-19');
    expect(judgeSite([...Array.from({ length: 4 }, () => column('news', '2026-10-01')), fresh], TODAY).fails).toBe(false);
    const yearly = judgeSite([...Array.from({ length: 10 }, () => column('yearly', '2024-01-01')), fresh], TODAY);
    expect(yearly).toMatchObject({ fails: true, staleTogether: 0, notUpdating: 10 });
    const blank = judgeSite([...Array.from({ length: 5 }, () => column('static', null)), fresh], TODAY);
    expect(blank).toMatchObject({ fails: true, blank: 5, notUpdating: 0 });
    expect(blank.reasons).toEqual(['空白栏目 5 个（达到 5 个）']);
  });

  it('fails a site whose homepage has nothing new for 2 weeks', () => {
    const verdict = judgeSite([column('static', '2026-10-01')], TODAY);
    expect(verdict).toMatchObject({ fails: true, homepageStale: true, homepageLastUpdatedOn: '2026-10-01' });
    expect(verdictText('某网站', verdict)).toContain('首页连续 50 天无更新');
  });
});
