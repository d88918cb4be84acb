import { refusal, type Refusal } from './errors';

/**
 * 同步审签: a policy and its interpretations go draft → submitted → approved → published together;
 * a rejection sends both back to draft with a comment. An interpretation added after its policy was
 * released goes through the same steps on its own.
 */
export const REVIEW_STAGES = ['draft', 'submitted', 'approved', 'published'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];
export type ReviewAction = 'submit' | 'approve' | 'reject' | 'publish';

/** The stage an action needs and the stage it leads to. */
export const TRANSITIONS: Record<ReviewAction, { from: readonly ReviewStage[]; to: ReviewStage }> = {
  submit: { from: ['draft'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted', 'approved'], to: 'draft' },
  publish: { from: ['approved'], to: 'published' },
};

export interface PolicyReviewState {
  stage: ReviewStage;
  /** The category needs an interpretation and no waiver was recorded. */
  requiresInterpretation: boolean;
  /** Stages of the interpretations linked to the policy (drafts included). */
  interpretationStages: ReviewStage[];
}

const stageRefusal = (action: ReviewAction, stage: ReviewStage): Refusal =>
  refusal('REVIEW_STAGE_CONFLICT', undefined, { action, stage, allowedFrom: TRANSITIONS[action].from });

/** Refusals for an action on a policy (with its interpretations moving along). */
export const checkPolicyAction = (action: ReviewAction, state: PolicyReviewState, comment?: string | null): Refusal[] => {
  if (!TRANSITIONS[action].from.includes(state.stage)) return [stageRefusal(action, state.stage)];
  const count = (...stages: ReviewStage[]) => state.interpretationStages.filter((s) => stages.includes(s)).length;
  switch (action) {
    case 'submit':
      // 同步组织: at least one interpretation draft must travel with the policy.
      return state.requiresInterpretation && count('draft', 'submitted', 'approved', 'published') === 0 ? [refusal('INTERPRETATION_DRAFT_REQUIRED')] : [];
    case 'approve':
      return state.requiresInterpretation && count('submitted', 'approved', 'published') === 0 ? [refusal('INTERPRETATION_APPROVAL_REQUIRED')] : [];
    case 'reject':
      return comment && comment.trim() ? [] : [refusal('REJECT_COMMENT_REQUIRED', 'comment')];
    case 'publish':
      return state.requiresInterpretation && count('approved', 'published') === 0 ? [refusal('INTERPRETATION_APPROVAL_REQUIRED')] : [];
  }
};

/** The stages the policy's interpretations move to when the policy takes `action`. */
export const interpretationStageAfter = (action: ReviewAction, stage: ReviewStage): ReviewStage => {
  switch (action) {
    case 'submit':
      return stage === 'draft' ? 'submitted' : stage;
    case 'approve':
      return stage === 'submitted' ? 'approved' : stage;
    case 'reject':
      return stage === 'submitted' || stage === 'approved' ? 'draft' : stage;
    case 'publish':
      return stage === 'approved' ? 'published' : stage;
  }
};

/** Refusals for an action on one interpretation whose policy is already released. */
export const checkInterpretationAction = (action: ReviewAction, stage: ReviewStage, policyReleased: boolean, comment?: string | null): Refusal[] => {
  if (!policyReleased) return [refusal('INTERPRETATION_FOLLOWS_POLICY')];
  if (!TRANSITIONS[action].from.includes(stage)) return [stageRefusal(action, stage)];
  if (action === 'reject' && !(comment && comment.trim())) return [refusal('REJECT_COMMENT_REQUIRED', 'comment')];
  return [];
};

/** Whether the category of a policy document calls for an interpretation, unless waived. */
export const requiresInterpretation = (categoryCode: string | null | undefined, requiredCategories: readonly string[], waived: boolean): boolean =>
  !!categoryCode && requiredCategories.includes(categoryCode) && !waived;
