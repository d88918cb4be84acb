import { detectTitleFlags, flagsOf, isProvisional, isRegulationKind, predecessorOf, publishedVersions, type Regulation, type RegulationVersion } from './regulation';

const text = { preamble: ['正文'], articles: [] };
const version = (fields: Partial<RegulationVersion>): RegulationVersion => ({
  versionNumber: 1,
  text,
  actDocumentNumber: '某府发〔2024〕1号',
  actDate: '2024-01-01',
  publishedOn: '2024-01-02',
  effectiveOn: '2024-02-01',
  ...fields,
});

describe('the regulation model', () => {
  it('knows the two kinds', () => {
    expect(isRegulationKind('rule')).toBe(true);
    expect(isRegulationKind('normative_document')).toBe(true);
    expect(isRegulationKind('notice')).toBe(false);
  });

  it('detects 试行 and 暂行 from the title', () => {
    expect(detectTitleFlags('某市政府信息公开申请办理办法（试行）')).toEqual({ trial: true, interim: false });
    expect(detectTitleFlags('某市政务新媒体管理暂行办法')).toEqual({ trial: false, interim: true });
    expect(detectTitleFlags('某市政府信息公开规定')).toEqual({ trial: false, interim: false });
    expect(isProvisional(detectTitleFlags('某市暂行规定'))).toBe(true);
    expect(isProvisional(detectTitleFlags('某市规定'))).toBe(false);
  });

  it('lets given flags and a version title win over the regulation title', () => {
    const regulation: Regulation = { kind: 'normative_document', title: '某市管理办法（试行）' };
    expect(flagsOf(regulation)).toEqual({ trial: true, interim: false });
    expect(flagsOf({ ...regulation, flags: { trial: false } })).toEqual({ trial: false, interim: false });
    // Renewed as a standing document under a new title.
    expect(flagsOf(regulation, version({ title: '某市管理办法' }))).toEqual({ trial: false, interim: false });
    expect(flagsOf(regulation, version({}))).toEqual({ trial: true, interim: false });
    expect(flagsOf(regulation, version({ flags: { interim: true, trial: false } }))).toEqual({ trial: false, interim: true });
  });

  it('names the predecessor of a version and leaves drafts out', () => {
    expect(predecessorOf(version({}))).toBeNull();
    expect(predecessorOf(version({ versionNumber: 2, amends: 1 }))).toBe(1);
    expect(predecessorOf(version({ versionNumber: 3, renews: 2 }))).toBe(2);
    expect(publishedVersions([version({}), version({ versionNumber: 2, draft: true })]).map((v) => v.versionNumber)).toEqual([1]);
  });
});

describe('flags of a version titled like its regulation', () => {
  it('keep the flags given on the regulation', () => {
    const regulation: Regulation = { kind: 'normative_document', title: '某市管理办法', flags: { interim: true } };
    expect(flagsOf(regulation, version({ title: '某市管理办法' }))).toEqual({ trial: false, interim: true });
  });
});
