import { checkInterpretationContent, comparableText, copiedShare } from './interpretation-content';

const POLICY = '第一条 为促进民营经济高质量发展，制定本措施。第二条 对新设立的民营企业给予一次性补助五万元，对研发投入给予百分之十的奖励。';
const OWN = {
  form: 'text',
  interpreter: 'drafting_department',
  background: '我市民营企业融资难、研发投入不足的问题仍然突出。',
  purpose: '稳定市场预期，增强企业信心。',
  keyMeasures: '新设企业补助和研发奖励两项，均可在政务服务网申请。',
};
const codes = (content: Record<string, unknown>) => checkInterpretationContent(content, POLICY).map((r) => `${r.field}:${r.code}`);

describe('comparable text', () => {
  it('drops markup, whitespace and punctuation', () => {
    expect(comparableText('<p>第二条　对新设立的，\n民营企业</p>&nbsp;')).toBe('第二条对新设立的民营企业');
    expect(comparableText(null)).toBe('');
  });
});

describe('copied share', () => {
  it('is 1 for a re-wrapped copy and near 0 for own words', () => {
    expect(copiedShare('<p>对新设立的民营企业给予一次性补助五万元，</p><p>对研发投入给予百分之十的奖励。</p>', POLICY)).toBe(1);
    expect(copiedShare(OWN.keyMeasures, POLICY)).toBeLessThan(0.2);
  });
  it('counts a short section as copied only when the policy contains it whole', () => {
    expect(copiedShare('制定本措施', POLICY)).toBe(1);
    expect(copiedShare('稳预期', POLICY)).toBe(0);
  });
});

describe('checkInterpretationContent', () => {
  it('accepts a text interpretation in its own words', () => {
    expect(codes(OWN)).toEqual([]);
  });
  it('names every empty or copied section', () => {
    expect(codes({ ...OWN, background: ' <p></p> ', keyMeasures: POLICY.slice(20) })).toEqual(['background:SECTION_REQUIRED', 'keyMeasures:SECTION_COPIES_POLICY']);
  });
  it('asks no sections of other forms, but a known form and interpreter', () => {
    expect(codes({ form: 'graphic' })).toEqual([]);
    expect(codes({ form: 'poster', interpreter: 'nobody' })).toEqual(['form:FORM_INVALID', 'interpreter:INTERPRETER_INVALID']);
  });
});
