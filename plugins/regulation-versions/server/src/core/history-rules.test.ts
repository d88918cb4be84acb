import { checkHistory, checkRegulation } from './history-rules';
import { parseLegalText } from './legal-text';
import type { Regulation, RegulationEvent, RegulationVersion } from './regulation';

const version = (versionNumber: number, effectiveOn: string, fields: Partial<RegulationVersion> = {}): RegulationVersion => ({
  versionNumber,
  text: parseLegalText('第一条　目的。\n第二条　范围。\n第三条　施行日期。'),
  actDocumentNumber: `某府令第${versionNumber}号`,
  actDate: effectiveOn,
  publishedOn: effectiveOn,
  effectiveOn,
  ...(versionNumber > 1 ? { amends: versionNumber - 1 } : {}),
  ...fields,
});
const rule: Regulation = { kind: 'rule', title: '某市政府信息公开规定' };

describe('checking a whole history (imports, seed data)', () => {
  it('accepts a consistent history given in any order', () => {
    const events: RegulationEvent[] = [
      { type: 'repeal', documentNumber: '某府令第50号', effectiveOn: '2026-01-01' },
      { type: 'partial_repeal', documentNumber: '某府发〔2021〕1号', effectiveOn: '2021-01-01', articles: [2] },
    ];
    expect(checkHistory(rule, [version(2, '2019-08-01'), version(1, '2015-05-01'), version(3, '2025-03-01')], events)).toEqual([]);
  });

  it('names the offending version or event by its position in the input', () => {
    const overlapping = checkHistory(rule, [version(1, '2015-05-01'), version(2, '2019-08-01'), version(3, '2020-01-01', { amends: 1 })], []);
    expect(overlapping.map((p) => [p.code, p.field])).toEqual([['VERSION_PERIODS_OVERLAP', 'versions[2].effectiveOn']]);
    const twice: RegulationEvent[] = [
      { type: 'repeal', documentNumber: '某府令第50号', effectiveOn: '2026-01-01' },
      { type: 'repeal', documentNumber: '某府令第60号', effectiveOn: '2027-01-01' },
    ];
    expect(checkHistory(rule, [version(1, '2015-05-01')], twice).map((p) => [p.code, p.field])).toEqual([['REPEAL_ALREADY_REPEALED', 'events[1].effectiveOn']]);
    const unknown = [{ type: 'suspend', documentNumber: 'x', effectiveOn: '2020-01-01' } as unknown as RegulationEvent];
    expect(checkHistory(rule, [version(1, '2015-05-01')], unknown).map((p) => [p.code, p.field])).toEqual([['EVENT_TYPE_UNKNOWN', 'events[0].type']]);
  });

  it('checks the regulation itself', () => {
    expect(checkRegulation(rule)).toEqual([]);
    expect(checkRegulation({ kind: 'notice', title: ' ' } as unknown as Regulation).map((p) => p.code)).toEqual(['REGULATION_KIND_INVALID', 'TITLE_REQUIRED']);
  });
});
