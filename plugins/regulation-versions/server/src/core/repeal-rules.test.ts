import { parseLegalText } from './legal-text';
import type { PartialRepealEvent, Regulation, RegulationEvent, RegulationVersion, RepealEvent } from './regulation';
import { checkPartialRepeal, checkRepeal } from './repeal-rules';

const text = parseLegalText('第一条　目的。\n第二条　范围。\n第三条　公开。\n第四条　施行日期。');
const version = (versionNumber: number, actDate: string, effectiveOn: string, fields: Partial<RegulationVersion> = {}): RegulationVersion => ({
  versionNumber,
  text,
  actDocumentNumber: `某市人民政府令第${versionNumber}号`,
  actDate,
  publishedOn: actDate,
  effectiveOn,
  ...(versionNumber > 1 ? { amends: versionNumber - 1 } : {}),
  ...fields,
});
const rule: Regulation = { kind: 'rule', title: '某市政府信息公开规定' };
const versions = [version(1, '2015-03-01', '2015-05-01'), version(2, '2019-06-01', '2019-08-01')];
const repeal = (effectiveOn: string, documentNumber = '某市人民政府令第50号'): RepealEvent => ({ type: 'repeal', documentNumber, effectiveOn });
const partial = (effectiveOn: string, articles: number[], fields: Partial<PartialRepealEvent> = {}): PartialRepealEvent => ({
  type: 'partial_repeal',
  documentNumber: '某府发〔2021〕5号',
  effectiveOn,
  articles,
  ...fields,
});
const codes = (problems: { code: string; field?: string }[]) => problems.map((p) => [p.code, p.field]);

describe('write rules for a repeal', () => {
  it('accept a repeal of a regulation in force', () => {
    expect(checkRepeal(rule, versions, [], repeal('2026-01-01'))).toEqual([]);
  });

  it('refuse a repeal of something already repealed', () => {
    const problems = checkRepeal(rule, versions, [repeal('2024-01-01')], repeal('2026-01-01', '某市人民政府令第60号'));
    expect(problems).toEqual([expect.objectContaining({ code: 'REPEAL_ALREADY_REPEALED', field: 'effectiveOn' })]);
    expect(problems[0].message).toContain('已由某市人民政府令第50号自2024-01-01起废止');
  });

  it('refuse a repeal of an expired document, of nothing, or dated before the document or a later change', () => {
    const nd: Regulation = { kind: 'normative_document', title: '某市政务公开办法' };
    const ndVersions = [version(1, '2020-12-20', '2021-01-01')];
    expect(codes(checkRepeal(nd, ndVersions, [], repeal('2026-01-01')))).toEqual([['REPEAL_AFTER_EXPIRY', 'effectiveOn']]);
    expect(checkRepeal(nd, ndVersions, [], repeal('2025-12-31'))).toEqual([]);
    expect(codes(checkRepeal(rule, [], [], repeal('2026-01-01')))).toEqual([['REPEAL_WITHOUT_VERSION', undefined]]);
    expect(codes(checkRepeal(rule, [{ ...versions[0], draft: true }], [], repeal('2026-01-01')))).toEqual([['REPEAL_WITHOUT_VERSION', undefined]]);
    expect(codes(checkRepeal(rule, versions, [], repeal('2015-02-01')))).toEqual([
      ['REPEAL_BEFORE_REGULATION', 'effectiveOn'],
      ['REPEAL_BEFORE_LATER_CHANGE', 'effectiveOn'],
    ]);
    expect(codes(checkRepeal(rule, versions, [], repeal('2019-08-01')))).toEqual([['REPEAL_BEFORE_LATER_CHANGE', 'effectiveOn']]);
    expect(codes(checkRepeal(rule, versions, [partial('2022-01-01', [3])], repeal('2021-01-01')))).toEqual([['REPEAL_BEFORE_LATER_CHANGE', 'effectiveOn']]);
  });

  it('refuse a repeal without a document number or date', () => {
    expect(codes(checkRepeal(rule, versions, [], { type: 'repeal', documentNumber: '', effectiveOn: '2026-02-30' }))).toEqual([
      ['REPEAL_DOCUMENT_NUMBER_REQUIRED', 'documentNumber'],
      ['DATE_INVALID', 'effectiveOn'],
    ]);
  });
});

describe('write rules for a partial repeal (部分失效)', () => {
  it('accept articles of the version in force', () => {
    expect(checkPartialRepeal(rule, versions, [], partial('2021-01-01', [2, 3]))).toEqual([]);
    expect(checkPartialRepeal(rule, versions, [], partial('2021-01-01', [2], { versionNumber: 2 }))).toEqual([]);
  });

  it('refuse articles that do not exist', () => {
    const problems = checkPartialRepeal(rule, versions, [], partial('2021-01-01', [3, 9, 12]));
    expect(problems).toEqual([expect.objectContaining({ code: 'PARTIAL_REPEAL_ARTICLE_UNKNOWN', field: 'articles', value: [9, 12] })]);
    expect(problems[0].message).toContain('第2版共4条');
    const notice: RegulationVersion = { ...versions[0], text: parseLegalText('各区人民政府：\n现将有关事项通知如下。') };
    expect(checkPartialRepeal({ ...rule, kind: 'normative_document' }, [notice], [], partial('2016-01-01', [1]))[0]).toMatchObject({
      code: 'PARTIAL_REPEAL_ARTICLE_UNKNOWN',
      message: expect.stringContaining('该版本正文未分条'),
    });
  });

  it('refuse articles already repealed, all articles, or none', () => {
    const earlier: RegulationEvent[] = [partial('2020-01-01', [2])];
    expect(checkPartialRepeal(rule, versions, earlier, partial('2021-01-01', [2, 3]))).toEqual([
      expect.objectContaining({ code: 'PARTIAL_REPEAL_ARTICLE_ALREADY_REPEALED', value: [2] }),
    ]);
    expect(codes(checkPartialRepeal(rule, versions, earlier, partial('2021-01-01', [1, 3, 4])))).toEqual([['PARTIAL_REPEAL_COVERS_ALL', 'articles']]);
    expect(codes(checkPartialRepeal(rule, versions, [], partial('2021-01-01', [])))).toEqual([['PARTIAL_REPEAL_ARTICLES_REQUIRED', 'articles']]);
    expect(codes(checkPartialRepeal(rule, versions, [], partial('2021-01-01', [1.5])))).toEqual([['PARTIAL_REPEAL_ARTICLES_REQUIRED', 'articles']]);
  });

  it('refuse a partial repeal of a repealed regulation or of a version not in force', () => {
    expect(codes(checkPartialRepeal(rule, versions, [repeal('2020-01-01')], partial('2021-01-01', [2])))).toEqual([['REPEAL_ALREADY_REPEALED', 'effectiveOn']]);
    expect(codes(checkPartialRepeal(rule, versions, [], partial('2021-01-01', [2], { versionNumber: 1 })))).toEqual([['PARTIAL_REPEAL_VERSION_NOT_IN_FORCE', 'versionNumber']]);
    expect(codes(checkPartialRepeal(rule, versions, [], partial('2015-01-01', [2])))).toEqual([['PARTIAL_REPEAL_VERSION_NOT_IN_FORCE', 'versionNumber']]);
    expect(codes(checkPartialRepeal(rule, versions, [], partial('2021-01-01', [2], { versionNumber: 8 })))).toEqual([['VERSION_UNKNOWN', 'versionNumber']]);
    const nd: Regulation = { kind: 'normative_document', title: '某市政务公开办法' };
    expect(codes(checkPartialRepeal(nd, [version(1, '2020-12-20', '2021-01-01')], [], partial('2026-03-01', [2])))).toEqual([['REPEAL_AFTER_EXPIRY', 'effectiveOn']]);
  });
});
