import { parseLegalText } from './legal-text';
import type { Regulation, RegulationEvent, RegulationVersion } from './regulation';
import { nextStatusChange, validityOn, VALIDITY_STATUS_LABELS, VALIDITY_STATUSES } from './validity';
import { DEFAULT_VALIDITY_PERIOD_RULES } from './validity-period';

const text = parseLegalText('第一条　目的。\n第二条　范围。\n第三条　公开。\n第四条　收费。\n第五条　施行日期。');
const version = (versionNumber: number, actDate: string, effectiveOn: string, fields: Partial<RegulationVersion> = {}): RegulationVersion => ({
  versionNumber,
  text,
  actDocumentNumber: `某市人民政府令第${versionNumber * 10}号`,
  actDate,
  publishedOn: actDate,
  effectiveOn,
  ...(versionNumber > 1 ? { amends: versionNumber - 1 } : {}),
  ...fields,
});

// A rule amended twice, the second amendment not yet in force on 2025-01-15.
const rule: Regulation = { kind: 'rule', title: '某市政府信息公开规定', documentNumber: '某市人民政府令第10号' };
const ruleVersions = [version(1, '2015-03-01', '2015-05-01'), version(2, '2019-06-01', '2019-08-01'), version(3, '2024-11-01', '2025-03-01')];
const repeal: RegulationEvent = { type: 'repeal', documentNumber: '某市人民政府令第50号', effectiveOn: '2026-01-01' };
const partial: RegulationEvent = { type: 'partial_repeal', documentNumber: '某府发〔2020〕88号', effectiveOn: '2021-01-01', articles: [5, 4] };

const statuses = (date: string, events: RegulationEvent[] = []) => {
  const validity = validityOn(rule, ruleVersions, events, date);
  return [validity.status, validity.versionInForce, ...validity.versions.map((v) => v.status)];
};

describe('derived validity', () => {
  it('has the five statuses with their Chinese labels', () => {
    expect(VALIDITY_STATUSES.map((s) => VALIDITY_STATUS_LABELS[s])).toEqual(['尚未生效', '有效', '已修改', '部分失效', '失效']);
  });

  it('follows several amendments, including one with a future effective date', () => {
    expect(statuses('2015-04-30')).toEqual(['not_yet_effective', null, 'not_yet_effective', 'not_yet_effective', 'not_yet_effective']);
    expect(statuses('2015-05-01')).toEqual(['valid', 1, 'valid', 'not_yet_effective', 'not_yet_effective']);
    expect(statuses('2019-07-31')).toEqual(['valid', 1, 'valid', 'not_yet_effective', 'not_yet_effective']);
    expect(statuses('2019-08-01')).toEqual(['valid', 2, 'amended', 'valid', 'not_yet_effective']);
    expect(statuses('2025-01-15')).toEqual(['valid', 2, 'amended', 'valid', 'not_yet_effective']);
    expect(statuses('2025-03-01')).toEqual(['valid', 3, 'amended', 'amended', 'valid']);
    const today = validityOn(rule, ruleVersions, [], '2025-01-15');
    expect(today).toMatchObject({ date: '2025-01-15', status: 'valid', label: '有效', reason: null, repealedArticles: [] });
    expect(today.versions[0]).toEqual({ versionNumber: 1, status: 'amended', label: '已修改', reason: 'superseded', repealedArticles: [] });
  });

  it('makes the regulation 失效 from the repeal date; superseded versions stay 已修改', () => {
    expect(statuses('2025-12-31', [repeal])).toEqual(['valid', 3, 'amended', 'amended', 'valid']);
    expect(statuses('2026-01-01', [repeal])).toEqual(['invalid', null, 'amended', 'amended', 'invalid']);
    expect(validityOn(rule, ruleVersions, [repeal], '2026-01-01')).toMatchObject({ reason: 'repealed', label: '失效' });
  });

  it('makes the version in force 部分失效 from a partial repeal, until a new version replaces it', () => {
    expect(statuses('2020-12-31', [partial])).toEqual(['valid', 2, 'amended', 'valid', 'not_yet_effective']);
    const after = validityOn(rule, ruleVersions, [partial], '2021-01-01');
    expect(after).toMatchObject({ status: 'partially_invalid', label: '部分失效', reason: 'partially_repealed', repealedArticles: [4, 5], versionInForce: 2 });
    expect(after.versions[1]).toMatchObject({ status: 'partially_invalid', repealedArticles: [4, 5] });
    expect(statuses('2025-03-01', [partial])).toEqual(['valid', 3, 'amended', 'amended', 'valid']);
  });

  it('expires a normative document after 5 years, and a 试行 one after 2', () => {
    const nd: Regulation = { kind: 'normative_document', title: '某市政务新媒体管理办法' };
    const v = [version(1, '2020-12-20', '2021-01-01')];
    expect(validityOn(nd, v, [], '2025-12-31').status).toBe('valid');
    expect(validityOn(nd, v, [], '2026-01-01')).toMatchObject({ status: 'invalid', reason: 'expired', versionInForce: null });
    expect(validityOn(nd, v, [], '2026-01-01').versions[0]).toMatchObject({ status: 'invalid', reason: 'expired' });

    const trial: Regulation = { kind: 'normative_document', title: '某市政府网站集约化管理办法（试行）' };
    const t = [version(1, '2023-06-20', '2023-07-01')];
    expect(validityOn(trial, t, [], '2025-06-30').status).toBe('valid');
    expect(validityOn(trial, t, [], '2025-07-01')).toMatchObject({ status: 'invalid', reason: 'expired' });
    // Local practice of 1 year for 试行: configuration, not code.
    const local = { ...DEFAULT_VALIDITY_PERIOD_RULES, byKind: { ...DEFAULT_VALIDITY_PERIOD_RULES.byKind, normative_document: { years: 3, provisionalYears: 1 } } };
    expect(validityOn(trial, t, [], '2024-07-01', local).status).toBe('invalid');
    expect(validityOn(trial, t, [], '2024-06-30', local).status).toBe('valid');
  });

  it('keeps a renewed document valid past the first end date', () => {
    const trial: Regulation = { kind: 'normative_document', title: '某市政府网站集约化管理办法（试行）' };
    const renewed = [
      version(1, '2023-06-20', '2023-07-01'),
      version(2, '2025-06-10', '2025-07-01', { amends: null, renews: 1, title: '某市政府网站集约化管理办法', actDocumentNumber: '某府办发〔2025〕7号' }),
    ];
    const validity = validityOn(trial, renewed, [], '2025-07-01');
    expect([validity.status, validity.versionInForce, ...validity.versions.map((v) => v.status)]).toEqual(['valid', 2, 'amended', 'valid']);
    // Renewed without 试行: 5 years from 2025-07-01.
    expect(validityOn(trial, renewed, [], '2030-06-30').status).toBe('valid');
    expect(validityOn(trial, renewed, [], '2030-07-01').status).toBe('invalid');
  });

  it('refuses an invalid query date', () => {
    expect(() => validityOn(rule, ruleVersions, [], '2025-13-01')).toThrow(expect.objectContaining({ code: 'DATE_INVALID' }));
  });
});

describe('the next status change, for the scheduled job', () => {
  it('is the effective date of a pending amendment, changing versions but not the regulation', () => {
    const change = nextStatusChange(rule, ruleVersions, [], '2025-01-15');
    expect(change).toMatchObject({
      on: '2025-03-01',
      regulation: null,
      versions: [
        { versionNumber: 2, from: 'valid', to: 'amended' },
        { versionNumber: 3, from: 'not_yet_effective', to: 'valid' },
      ],
    });
    expect(change?.validity.versionInForce).toBe(3);
  });

  it('is the repeal date, then nothing', () => {
    expect(nextStatusChange(rule, ruleVersions, [repeal], '2025-03-01')).toMatchObject({
      on: '2026-01-01',
      regulation: { from: 'valid', to: 'invalid' },
      versions: [{ versionNumber: 3, from: 'valid', to: 'invalid' }],
    });
    expect(nextStatusChange(rule, ruleVersions, [repeal], '2026-01-01')).toBeNull();
    expect(nextStatusChange(rule, ruleVersions, [], '2025-03-01')).toBeNull();
  });

  it('is the day after expiry, and a partial repeal date', () => {
    const nd: Regulation = { kind: 'normative_document', title: '某市政务新媒体管理办法' };
    expect(nextStatusChange(nd, [version(1, '2020-12-20', '2021-01-01')], [], '2025-06-30')).toMatchObject({
      on: '2026-01-01',
      regulation: { from: 'valid', to: 'invalid' },
    });
    expect(nextStatusChange(rule, ruleVersions, [partial], '2020-06-01')).toMatchObject({ on: '2021-01-01', regulation: { from: 'valid', to: 'partially_invalid' } });
    // A second partial repeal keeps 部分失效 but changes the articles out of force: still a change to store.
    const more: RegulationEvent = { type: 'partial_repeal', documentNumber: '某府发〔2022〕3号', effectiveOn: '2022-01-01', articles: [3] };
    const second = nextStatusChange(rule, ruleVersions, [partial, more], '2021-06-01');
    expect(second).toMatchObject({ on: '2022-01-01', regulation: { from: 'partially_invalid', to: 'partially_invalid' } });
    expect(second?.validity.repealedArticles).toEqual([3, 4, 5]);
  });
});
