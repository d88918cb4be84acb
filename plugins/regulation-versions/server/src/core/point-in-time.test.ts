import { parseLegalText } from './legal-text';
import { versionInForce } from './point-in-time';
import type { Regulation, RegulationEvent, RegulationVersion } from './regulation';

const text = parseLegalText('第一条　目的。\n第二条　范围。\n第三条　施行日期。');
const version = (versionNumber: number, effectiveOn: string, fields: Partial<RegulationVersion> = {}): RegulationVersion => ({
  versionNumber,
  text,
  actDocumentNumber: `某市人民政府令第${versionNumber}号`,
  actDate: effectiveOn,
  publishedOn: effectiveOn,
  effectiveOn,
  ...(versionNumber > 1 ? { amends: versionNumber - 1 } : {}),
  ...fields,
});
const rule: Regulation = { kind: 'rule', title: '某市政府信息公开规定' };
const versions = [version(1, '2015-05-01'), version(2, '2019-08-01'), version(3, '2027-01-01')];
const repeal: RegulationEvent = { type: 'repeal', documentNumber: '某市人民政府令第50号', actDate: '2028-11-20', effectiveOn: '2029-01-01' };

const at = (date: string, events: RegulationEvent[] = []) => versionInForce(rule, versions, events, date);

describe('point in time', () => {
  it('answers "not yet in force" before the first effective date, with that date', () => {
    expect(at('2015-04-30')).toEqual({
      status: 'not_yet_in_force',
      date: '2015-04-30',
      firstEffectiveOn: '2015-05-01',
      explanation: '该文件自2015-05-01起施行，2015-04-30尚未施行',
    });
    expect(versionInForce(rule, [], [], '2020-01-01')).toMatchObject({ status: 'not_yet_in_force', firstEffectiveOn: null });
  });

  it('finds the version in force on the first day, between amendments and after a future one', () => {
    const first = at('2015-05-01');
    expect(first).toMatchObject({ status: 'in_force', validity: 'valid', inForceFrom: '2015-05-01', inForceUntil: '2019-07-31' });
    expect(first.status === 'in_force' && first.version.versionNumber).toBe(1);
    const between = at('2026-12-31');
    expect(between).toMatchObject({ status: 'in_force', inForceFrom: '2019-08-01', inForceUntil: '2026-12-31' });
    expect(between.status === 'in_force' && between.version.versionNumber).toBe(2);
    const later = at('2027-01-01');
    expect(later.status === 'in_force' && [later.version.versionNumber, later.inForceUntil]).toEqual([3, null]);
  });

  it('answers with the repeal on and after the repeal date', () => {
    const before = at('2028-12-31', [repeal]);
    expect(before.status === 'in_force' && [before.version.versionNumber, before.inForceUntil]).toEqual([3, '2028-12-31']);
    const after = at('2029-01-01', [repeal]);
    expect(after).toMatchObject({ status: 'repealed', repeal, explanation: '该文件已由某市人民政府令第50号废止，自2029-01-01起失效' });
    expect(after.status === 'repealed' && after.lastVersion?.versionNumber).toBe(3);
    // Repealed before it ever took effect: there is no last version.
    const never = versionInForce(rule, [version(1, '2025-01-01')], [{ type: 'repeal', documentNumber: '某府令第2号', effectiveOn: '2024-12-01' }], '2025-06-01');
    expect(never).toMatchObject({ status: 'repealed', lastVersion: null });
  });

  it('answers with the partial repeal and the articles out of force', () => {
    const partial: RegulationEvent = { type: 'partial_repeal', documentNumber: '某府发〔2020〕8号', effectiveOn: '2020-03-01', articles: [2] };
    const result = at('2020-03-01', [partial]);
    expect(result).toMatchObject({ status: 'in_force', validity: 'partially_invalid', repealedArticles: [2] });
    expect(result.explanation).toBe('2020-03-01施行的是第2版（自2019-08-01起施行），其中第2条已失效');
  });

  it('answers "expired" after the end of a normative document\'s period', () => {
    const nd: Regulation = { kind: 'normative_document', title: '某市政务公开工作办法（暂行）' };
    const expired = versionInForce(nd, [version(1, '2022-03-15')], [], '2024-03-15');
    expect(expired).toMatchObject({ status: 'expired', expiresOn: '2024-03-14', explanation: '该文件有效期至2024-03-14，已因有效期届满失效' });
    expect(versionInForce(nd, [version(1, '2022-03-15')], [], '2024-03-14')).toMatchObject({ status: 'in_force', inForceUntil: '2024-03-14' });
  });
});
