import { annualReportCounts } from './annual-report';
import { parseLegalText } from './legal-text';
import type { Regulation, RegulationEvent, RegulationRecord, RegulationVersion } from './regulation';

const version = (versionNumber: number, publishedOn: string, effectiveOn: string, fields: Partial<RegulationVersion> = {}): RegulationVersion => ({
  versionNumber,
  text: parseLegalText('第一条　目的。\n第二条　范围。\n第三条　施行日期。'),
  actDocumentNumber: `某府发〔${publishedOn.slice(0, 4)}〕${versionNumber}号`,
  actDate: publishedOn,
  publishedOn,
  effectiveOn,
  ...(versionNumber > 1 ? { amends: versionNumber - 1 } : {}),
  ...fields,
});
const record = (kind: Regulation['kind'], title: string, versions: RegulationVersion[], events: RegulationEvent[] = []): RegulationRecord => ({
  regulation: { kind, title },
  versions,
  events,
});

const records: RegulationRecord[] = [
  // Published in December 2024, in force from 2025: made in 2024, currently valid from the 2025 report on.
  record('rule', '规章甲', [version(1, '2024-12-20', '2025-01-01')]),
  // Amended in 2025: not made again.
  record('rule', '规章乙', [version(1, '2016-03-01', '2016-05-01'), version(2, '2025-04-01', '2025-05-01')]),
  // Repealed from 2025-05-01.
  record('rule', '规章丙', [version(1, '2010-01-01', '2010-03-01')], [{ type: 'repeal', documentNumber: '某府令第8号', actDate: '2025-04-01', effectiveOn: '2025-05-01' }]),
  // Partially repealed: still currently valid.
  record('rule', '规章丁', [version(1, '2012-01-01', '2012-02-01')], [{ type: 'partial_repeal', documentNumber: '某府令第9号', effectiveOn: '2025-02-01', articles: [2] }]),
  // 5-year normative document: last day 2025-12-31, so valid on 31 December and expired in 2026.
  record('normative_document', '文件甲', [version(1, '2020-12-25', '2021-01-01')]),
  // 试行: 2023-07-01 … 2025-06-30, expired in 2025.
  record('normative_document', '文件乙（试行）', [version(1, '2023-06-20', '2023-07-01')]),
  // Made in 2025.
  record('normative_document', '文件丙', [version(1, '2025-03-01', '2025-03-15')]),
  // Repeal decided in December, effective in January: repealed in the next year.
  record('normative_document', '文件丁', [version(1, '2022-01-01', '2022-01-01')], [{ type: 'repeal', documentNumber: '某府发〔2025〕99号', actDate: '2025-12-20', effectiveOn: '2026-01-01' }]),
  // Unreadable data is left out and reported.
  record('rule', '规章戊', [version(1, '2025-02-30', '2025-02-30')]),
  { regulation: { kind: 'notice' as Regulation['kind'], title: '通知' }, versions: [], events: [] },
];

describe('annual-report counts of rules and normative documents', () => {
  it('count made (by publication date), repealed (by the date the repeal takes effect) and currently valid on 31 December', () => {
    const report = annualReportCounts(records, 2025);
    expect(report.asOf).toBe('2025-12-31');
    expect(report.counts).toEqual({
      rule: { made: 0, repealed: 1, expired: 0, currentlyValid: 3 },
      normative_document: { made: 1, repealed: 0, expired: 1, currentlyValid: 3 },
    });
    expect(report.table).toEqual({
      rule: { made: 0, repealed: 1, currentlyValid: 3 },
      normative_document: { made: 1, repealed: 0, currentlyValid: 3 },
    });
    expect(report.excluded.map((e) => [e.index, e.refusal.code])).toEqual([
      [8, 'DATE_INVALID'],
      [9, 'REGULATION_KIND_INVALID'],
    ]);
  });

  it('count the neighbouring years consistently', () => {
    const y2024 = annualReportCounts(records, 2024);
    expect(y2024.counts.rule).toEqual({ made: 1, repealed: 0, expired: 0, currentlyValid: 3 });
    expect(y2024.counts.normative_document).toEqual({ made: 0, repealed: 0, expired: 0, currentlyValid: 3 });
    const y2026 = annualReportCounts(records, 2026);
    expect(y2026.counts.normative_document).toEqual({ made: 0, repealed: 1, expired: 1, currentlyValid: 1 });
  });

  it('put expiries in the 废止 column when local practice says so', () => {
    const report = annualReportCounts(records, 2025, undefined, { countExpiryAsRepeal: true });
    expect(report.table.normative_document).toEqual({ made: 1, repealed: 1, currentlyValid: 3 });
    expect(() => annualReportCounts(records, 0)).toThrow(expect.objectContaining({ code: 'REPORT_YEAR_INVALID' }));
  });
});
