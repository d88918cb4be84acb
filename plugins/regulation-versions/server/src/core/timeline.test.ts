import { parseLegalText } from './legal-text';
import type { Regulation, RegulationEvent, RegulationVersion } from './regulation';
import { buildTimeline, changeDates, periodOn, repealedArticlesOn } from './timeline';
import { DEFAULT_VALIDITY_PERIOD_RULES } from './validity-period';

const text = parseLegalText('第一条　目的。\n第二条　范围。\n第三条　施行日期。');
const version = (versionNumber: number, effectiveOn: string, fields: Partial<RegulationVersion> = {}): RegulationVersion => ({
  versionNumber,
  text,
  actDocumentNumber: `某府发〔${effectiveOn.slice(0, 4)}〕${versionNumber}号`,
  actDate: effectiveOn,
  publishedOn: effectiveOn,
  effectiveOn,
  ...(versionNumber > 1 ? { amends: versionNumber - 1 } : {}),
  ...fields,
});
const normative: Regulation = { kind: 'normative_document', title: '某市政务公开工作管理办法' };
const rule: Regulation = { kind: 'rule', title: '某市政府信息公开规定' };

describe('the timeline of a regulation', () => {
  it('orders versions by effective date and ends each where the next begins', () => {
    const timeline = buildTimeline(rule, [version(2, '2019-08-01'), version(1, '2015-05-01'), version(3, '2025-03-01')], []);
    expect(timeline.periods.map((p) => [p.versionNumber, p.effectiveOn, p.inForceUntil, p.endedBy])).toEqual([
      [1, '2015-05-01', '2019-07-31', 'superseded'],
      [2, '2019-08-01', '2025-02-28', 'superseded'],
      [3, '2025-03-01', null, null],
    ]);
    expect(periodOn(timeline, '2015-04-30')).toBeNull();
    expect(periodOn(timeline, '2019-08-01')?.versionNumber).toBe(2);
    expect(periodOn(timeline, '2030-01-01')?.versionNumber).toBe(3);
  });

  it('derives the expiry of normative documents and not of rules', () => {
    const nd = buildTimeline(normative, [version(1, '2021-01-01')], []);
    expect(nd.periods[0]).toMatchObject({ expiresOn: '2025-12-31', expirySource: 'derived', inForceUntil: '2025-12-31', endedBy: 'expired' });
    expect(buildTimeline(rule, [version(1, '2021-01-01')], []).periods[0]).toMatchObject({ expiresOn: null, expirySource: null, inForceUntil: null });
    const trial = buildTimeline({ ...normative, title: '某市办法（试行）' }, [version(1, '2023-07-01')], []);
    expect(trial.periods[0].expiresOn).toBe('2025-06-30');
    expect(buildTimeline(normative, [version(1, '2021-01-01', { expiresOn: '2022-12-31' })], []).periods[0]).toMatchObject({ expiresOn: '2022-12-31', expirySource: 'explicit' });
    expect(buildTimeline(normative, [version(1, '2021-01-01', { openEnded: true })], []).periods[0].expiresOn).toBeNull();
  });

  it('restarts the period on amendment by default, or keeps it when the rules say so', () => {
    const versions = [version(1, '2021-01-01'), version(2, '2023-01-01')];
    expect(buildTimeline(normative, versions, []).periods[1]).toMatchObject({ expiresOn: '2027-12-31', expirySource: 'derived' });
    const keep = { ...DEFAULT_VALIDITY_PERIOD_RULES, amendmentRestartsPeriod: false };
    expect(buildTimeline(normative, versions, [], keep).periods[1]).toMatchObject({ expiresOn: '2025-12-31', expirySource: 'inherited' });
    // A renewal always starts a new period.
    const renewed = [version(1, '2021-01-01'), version(2, '2026-01-01', { amends: null, renews: 1 })];
    expect(buildTimeline(normative, renewed, [], keep).periods[1].expiresOn).toBe('2030-12-31');
  });

  it('ends the force at the repeal, resolves partial repeals to a version, ignores drafts', () => {
    const events: RegulationEvent[] = [
      { type: 'partial_repeal', documentNumber: '某府发〔2020〕9号', effectiveOn: '2020-01-01', articles: [2] },
      { type: 'repeal', documentNumber: '某府发〔2024〕1号', effectiveOn: '2024-01-01' },
    ];
    const timeline = buildTimeline(rule, [version(1, '2015-05-01'), version(2, '2019-08-01'), version(3, '2025-01-01', { draft: true })], events);
    expect(timeline.periods.map((p) => p.versionNumber)).toEqual([1, 2]);
    expect(timeline.periods[1]).toMatchObject({ inForceUntil: '2023-12-31', endedBy: 'repealed', comesIntoForce: true });
    expect(timeline.partialRepeals.map((p) => p.versionNumber)).toEqual([2]);
    expect(repealedArticlesOn(timeline, 2, '2019-12-31')).toEqual([]);
    expect(repealedArticlesOn(timeline, 2, '2020-01-01')).toEqual([2]);
    expect(changeDates(timeline)).toEqual(['2015-05-01', '2019-08-01', '2020-01-01', '2024-01-01']);
    // Repealed before it ever took effect.
    const never = buildTimeline(rule, [version(1, '2025-01-01')], [{ type: 'repeal', documentNumber: '某府发〔2024〕2号', effectiveOn: '2024-12-01' }]);
    expect(never.periods[0]).toMatchObject({ comesIntoForce: false, endedBy: 'repealed' });
  });

  it('refuses data it cannot read', () => {
    expect(() => buildTimeline(rule, [version(1, '2021-02-30')], [])).toThrow(expect.objectContaining({ code: 'DATE_INVALID', field: 'effectiveOn' }));
    expect(() => buildTimeline(rule, [version(1, '2021-01-01')], [{ type: 'withdraw', documentNumber: 'x', effectiveOn: '2022-01-01' } as never])).toThrow(
      expect.objectContaining({ code: 'EVENT_TYPE_UNKNOWN' })
    );
  });
});
