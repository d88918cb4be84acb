import { parseLegalText } from './legal-text';
import type { Regulation, RegulationEvent, RegulationVersion } from './regulation';
import { checkNewVersion } from './version-rules';

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
const rule: Regulation = { kind: 'rule', title: '某市政府信息公开规定' };
const normative: Regulation = { kind: 'normative_document', title: '某市政务公开工作办法（试行）', documentNumber: '某府发〔2023〕1号' };
const existing = [version(1, '2015-05-01'), version(2, '2019-08-01')];

const codes = (regulation: Regulation, versions: RegulationVersion[], incoming: RegulationVersion, events: RegulationEvent[] = []) =>
  checkNewVersion(regulation, versions, events, incoming).map((r) => [r.code, r.field]);

describe('write rules for a new version', () => {
  it('accept an original and a proper amendment', () => {
    expect(checkNewVersion(rule, [], [], version(1, '2015-05-01'))).toEqual([]);
    expect(checkNewVersion(rule, existing, [], version(3, '2025-03-01'))).toEqual([]);
    // A future amendment may be followed by another one that amends it.
    expect(checkNewVersion(rule, [...existing, version(3, '2030-01-01')], [], version(4, '2031-01-01'))).toEqual([]);
  });

  it('refuse overlapping effective periods', () => {
    // Amends version 1 although version 2 is in force from 2019: both would apply from 2020.
    const overlap = checkNewVersion(rule, existing, [], version(3, '2020-01-01', { amends: 1 }));
    expect(overlap).toEqual([
      expect.objectContaining({ code: 'VERSION_PERIODS_OVERLAP', field: 'effectiveOn', value: '2020-01-01', message: expect.stringContaining('第2版，施行日期2019-08-01') }),
    ]);
    // Same effective date as an existing version.
    expect(codes(rule, existing, version(3, '2019-08-01', { amends: 1 }))).toContainEqual(['VERSION_PERIODS_OVERLAP', 'effectiveOn']);
    // Slipped in before a future amendment that does not amend it.
    expect(codes(rule, [...existing, version(3, '2030-01-01')], version(4, '2026-01-01', { amends: 2 }))).toEqual([['VERSION_PERIODS_OVERLAP', 'effectiveOn']]);
    // Overlapping the explicit period of a normative document's version that it does not amend.
    const nd = [version(1, '2021-01-01', { expiresOn: '2026-12-31' }), version(2, '2022-01-01', { expiresOn: '2024-12-31' })];
    expect(codes(normative, nd, version(3, '2023-06-01', { amends: 1 }))).toEqual([['VERSION_PERIODS_OVERLAP', 'effectiveOn']]);
    // Not overlapping but skipping the latest version.
    expect(codes(normative, nd, version(3, '2025-06-01', { amends: 1 }))).toEqual([['PREDECESSOR_NOT_LATEST', 'amends']]);
  });

  it('refuse an amendment dated before the version it amends', () => {
    const early = checkNewVersion(rule, existing, [], version(3, '2018-01-01'));
    expect(early).toEqual([expect.objectContaining({ code: 'AMENDMENT_BEFORE_AMENDED', field: 'effectiveOn', value: '2018-01-01' })]);
    expect(early[0].message).toContain('第2版，施行日期2019-08-01');
    expect(codes(rule, existing, version(3, '2025-03-01', { actDate: '2019-05-01', publishedOn: '2019-05-02' }))).toEqual([['AMENDMENT_BEFORE_AMENDED', 'actDate']]);
  });

  it('refuse a broken link to the version before', () => {
    expect(codes(rule, [], version(1, '2015-05-01', { amends: 3 }))).toEqual([['FIRST_VERSION_HAS_PREDECESSOR', 'amends']]);
    expect(codes(rule, existing, version(3, '2025-03-01', { amends: null }))).toEqual([['PREDECESSOR_REQUIRED', 'amends']]);
    expect(codes(rule, existing, version(3, '2025-03-01', { amends: 7 }))).toEqual([['PREDECESSOR_UNKNOWN', 'amends']]);
    expect(codes(normative, existing, version(3, '2025-03-01', { renews: 2 }))).toEqual([['PREDECESSOR_AMBIGUOUS', 'renews']]);
    // A draft is not a version one can amend.
    expect(codes(rule, [existing[0], { ...existing[1], draft: true }], version(3, '2025-03-01'))).toEqual([['PREDECESSOR_UNKNOWN', 'amends']]);
  });

  it('refuse bad fields', () => {
    expect(codes(rule, existing, version(5, '2025-03-01', { amends: 2 }))).toEqual([['VERSION_NUMBER_NOT_NEXT', 'versionNumber']]);
    expect(codes(rule, existing, version(0, '2025-03-01', { amends: 2 }))).toEqual([['VERSION_NUMBER_INVALID', 'versionNumber']]);
    expect(codes(rule, existing, version(3, '2025-02-30'))).toEqual([
      ['DATE_INVALID', 'actDate'],
      ['DATE_INVALID', 'publishedOn'],
      ['DATE_INVALID', 'effectiveOn'],
    ]);
    expect(codes(rule, existing, version(3, '2025-03-01', { actDocumentNumber: ' ', text: { preamble: [], articles: [] } }))).toEqual([
      ['ACT_DOCUMENT_NUMBER_REQUIRED', 'actDocumentNumber'],
      ['TEXT_EMPTY', 'text'],
    ]);
    expect(codes(rule, existing, version(3, '2025-03-01', { publishedOn: '2025-02-01', actDate: '2025-02-10' }))).toEqual([['PUBLISHED_BEFORE_ACT', 'publishedOn']]);
    expect(codes(rule, existing, version(3, '2025-03-01', { expiresOn: '2025-02-28' }))).toEqual([['EXPIRY_BEFORE_EFFECTIVE', 'expiresOn']]);
  });

  it('refuse a renewal without a new document number, of a rule, or after expiry', () => {
    const trial = [version(1, '2023-07-01', { actDocumentNumber: '某府发〔2023〕1号' })];
    const renewal = (fields: Partial<RegulationVersion>) => version(2, '2025-07-01', { amends: null, renews: 1, actDocumentNumber: '某府发〔2025〕9号', ...fields });
    expect(checkNewVersion(normative, trial, [], renewal({}))).toEqual([]);
    const sameNumber = checkNewVersion(normative, trial, [], renewal({ actDocumentNumber: '某府发[2023]1号' }));
    expect(sameNumber).toEqual([expect.objectContaining({ code: 'RENEWAL_DOCUMENT_NUMBER_NOT_NEW', field: 'actDocumentNumber' })]);
    expect(sameNumber[0].message).toContain('某府发〔2023〕1号');
    expect(codes(rule, [version(1, '2015-05-01')], version(2, '2019-08-01', { amends: null, renews: 1 }))).toEqual([['RENEWAL_NOT_NORMATIVE_DOCUMENT', 'renews']]);
    // The 试行 document ended on 2025-06-30; a renewal from 2025-09-01 would revive an expired document.
    expect(codes(normative, trial, renewal({ effectiveOn: '2025-09-01', actDate: '2025-08-01', publishedOn: '2025-08-01' }))).toEqual([['VERSION_AFTER_EXPIRY', 'effectiveOn']]);
  });

  it('refuse a version after the repeal or before a recorded partial repeal', () => {
    const repeal: RegulationEvent = { type: 'repeal', documentNumber: '某府令第9号', effectiveOn: '2024-01-01' };
    expect(codes(rule, existing, version(3, '2025-03-01'), [repeal])).toEqual([['VERSION_AFTER_REPEAL', 'effectiveOn']]);
    const partial: RegulationEvent = { type: 'partial_repeal', documentNumber: '某府发〔2024〕2号', effectiveOn: '2024-01-01', articles: [2] };
    expect(codes(rule, existing, version(3, '2023-03-01'), [partial])).toEqual([['VERSION_BEFORE_PARTIAL_REPEAL', 'effectiveOn']]);
    expect(codes(rule, existing, version(3, '2025-03-01'), [partial])).toEqual([]);
  });
});
