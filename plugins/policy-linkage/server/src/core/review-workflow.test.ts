import { checkInterpretationAction, checkPolicyAction, interpretationStageAfter, requiresInterpretation } from './review-workflow';

const codes = (refusals: { code: string }[]) => refusals.map((r) => r.code);

describe('policy review (同步审签)', () => {
  const needs = { requiresInterpretation: true };
  it('submits only with at least one interpretation draft when one is required', () => {
    expect(codes(checkPolicyAction('submit', { ...needs, stage: 'draft', interpretationStages: [] }))).toEqual(['INTERPRETATION_DRAFT_REQUIRED']);
    expect(codes(checkPolicyAction('submit', { ...needs, stage: 'draft', interpretationStages: ['draft'] }))).toEqual([]);
    expect(codes(checkPolicyAction('submit', { requiresInterpretation: false, stage: 'draft', interpretationStages: [] }))).toEqual([]);
  });
  it('approves only with a submitted interpretation moving along', () => {
    expect(codes(checkPolicyAction('approve', { ...needs, stage: 'submitted', interpretationStages: ['draft'] }))).toEqual(['INTERPRETATION_APPROVAL_REQUIRED']);
    expect(codes(checkPolicyAction('approve', { ...needs, stage: 'submitted', interpretationStages: ['submitted', 'draft'] }))).toEqual([]);
  });
  it('follows the stage order and needs a comment to reject', () => {
    expect(codes(checkPolicyAction('approve', { ...needs, stage: 'draft', interpretationStages: ['draft'] }))).toEqual(['REVIEW_STAGE_CONFLICT']);
    expect(codes(checkPolicyAction('publish', { ...needs, stage: 'submitted', interpretationStages: ['submitted'] }))).toEqual(['REVIEW_STAGE_CONFLICT']);
    expect(codes(checkPolicyAction('reject', { ...needs, stage: 'approved', interpretationStages: [] }, '  '))).toEqual(['REJECT_COMMENT_REQUIRED']);
    expect(codes(checkPolicyAction('reject', { ...needs, stage: 'approved', interpretationStages: [] }, '补充数据'))).toEqual([]);
  });
  it('moves interpretations with the policy, leaving released ones alone', () => {
    expect(['draft', 'submitted', 'approved', 'published'].map((s) => interpretationStageAfter('reject', s as never))).toEqual(['draft', 'draft', 'draft', 'published']);
    expect(['draft', 'submitted', 'approved', 'published'].map((s) => interpretationStageAfter('approve', s as never))).toEqual(['draft', 'approved', 'approved', 'published']);
  });
});

describe('an interpretation on its own', () => {
  it('waits for its policy to be released', () => {
    expect(codes(checkInterpretationAction('submit', 'draft', false))).toEqual(['INTERPRETATION_FOLLOWS_POLICY']);
    expect(codes(checkInterpretationAction('submit', 'draft', true))).toEqual([]);
    expect(codes(checkInterpretationAction('publish', 'submitted', true))).toEqual(['REVIEW_STAGE_CONFLICT']);
  });
});

describe('requiresInterpretation', () => {
  it('follows the configured categories unless waived', () => {
    const required = ['important-policies', 'normative-documents'];
    expect([requiresInterpretation('important-policies', required, false), requiresInterpretation('rules', required, false), requiresInterpretation('normative-documents', required, true)]).toEqual([true, false, false]);
  });
});
