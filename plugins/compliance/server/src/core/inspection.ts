/**
 * Website inspection rules a CMS can check (国办秘函〔2019〕19号, domain.md §6). Pure: the caller
 * hands in each column's last update and item count; this decides which columns are stale or blank
 * and whether the site would fail, and says why in Chinese.
 */
export type UpdateClass = 'news' | 'notice' | 'yearly' | 'static';

export interface InspectionRules {
  /** Days without an update after which a column of the class is stale (news 14, notice 183, yearly 365). */
  intervalDays: Record<Exclude<UpdateClass, 'static'>, number>;
  /** Stale news columns plus stale first-level notice/policy columns: this many together fail the site. */
  staleTogether: number;
  /** Columns that should update but do not: this many fail the site. */
  notUpdating: number;
  /** Blank columns (no content at all): this many fail the site. */
  blank: number;
  /** Homepage (the whole site) with nothing new for this many days fails the site. */
  homepageDays: number;
}

export const DEFAULT_INSPECTION_RULES: InspectionRules = {
  intervalDays: { news: 14, notice: 183, yearly: 365 },
  staleTogether: 5,
  notUpdating: 10,
  blank: 5,
  homepageDays: 14,
};

export interface ColumnFacts {
  id: number;
  documentId: string;
  name: string;
  level: number | null;
  updateClass: UpdateClass | null;
  updateIntervalDays: number | null;
  /** Newest first-publish day of a published item in the column, `YYYY-MM-DD`, or null. */
  lastUpdatedOn: string | null;
  items: number;
}

export interface ColumnVerdict extends ColumnFacts {
  intervalDays: number | null;
  daysSinceUpdate: number | null;
  blank: boolean;
  stale: boolean;
  /** Counts towards the "5 together" rule: stale news column, or stale first-level notice column. */
  staleVeto: boolean;
}

export interface SiteVerdict {
  fails: boolean;
  reasons: string[];
  staleTogether: number;
  notUpdating: number;
  blank: number;
  homepageLastUpdatedOn: string | null;
  homepageStale: boolean;
  columns: ColumnVerdict[];
}

const DAY_MS = 86_400_000;
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export const judgeColumn = (column: ColumnFacts, today: string, rules: InspectionRules = DEFAULT_INSPECTION_RULES): ColumnVerdict => {
  const updateClass = column.updateClass ?? 'static';
  const intervalDays = updateClass === 'static' ? null : column.updateIntervalDays ?? rules.intervalDays[updateClass];
  const daysSinceUpdate = column.lastUpdatedOn ? daysBetween(column.lastUpdatedOn, today) : null;
  const blank = column.items === 0;
  // A column that should update is stale when its newest item is older than its interval (or it has none).
  const stale = intervalDays !== null && (daysSinceUpdate === null || daysSinceUpdate > intervalDays);
  const staleVeto = stale && (updateClass === 'news' || (updateClass === 'notice' && (column.level ?? 1) <= 1));
  return { ...column, intervalDays, daysSinceUpdate, blank, stale, staleVeto };
};

export const judgeSite = (columns: ColumnFacts[], today: string, rules: InspectionRules = DEFAULT_INSPECTION_RULES): SiteVerdict => {
  const verdicts = columns.map((c) => judgeColumn(c, today, rules));
  const staleTogether = verdicts.filter((c) => c.staleVeto).length;
  const notUpdating = verdicts.filter((c) => c.stale).length;
  const blank = verdicts.filter((c) => c.blank).length;
  const homepageLastUpdatedOn = verdicts.reduce<string | null>((max, c) => (c.lastUpdatedOn && (!max || c.lastUpdatedOn > max) ? c.lastUpdatedOn : max), null);
  const homepageStale = !homepageLastUpdatedOn || daysBetween(homepageLastUpdatedOn, today) > rules.homepageDays;
  const reasons: string[] = [];
  if (homepageStale) reasons.push(homepageLastUpdatedOn ? `首页连续 ${daysBetween(homepageLastUpdatedOn, today)} 天无更新（超过 ${rules.homepageDays} 天）` : '首页没有任何已发布内容');
  if (staleTogether >= rules.staleTogether) reasons.push(`动态、要闻类栏目超过 2 周未更新及通知公告、政策文件类一级栏目超过 6 个月未更新的栏目共 ${staleTogether} 个（达到 ${rules.staleTogether} 个）`);
  if (notUpdating >= rules.notUpdating) reasons.push(`应更新而未更新的栏目 ${notUpdating} 个（达到 ${rules.notUpdating} 个）`);
  if (blank >= rules.blank) reasons.push(`空白栏目 ${blank} 个（达到 ${rules.blank} 个）`);
  return { fails: reasons.length > 0, reasons, staleTogether, notUpdating, blank, homepageLastUpdatedOn, homepageStale, columns: verdicts };
};

/** "this site would fail inspection because …" in Chinese, or a pass. */
export const verdictText = (siteName: string, verdict: Pick<SiteVerdict, 'fails' | 'reasons'>) =>
  verdict.fails ? `${siteName}在抽查中将被判定为不合格，原因：${verdict.reasons.join('；')}。` : `${siteName}未触及可自动检查的单项否决指标。`;
