/**
 * Stable codes for every 三同步 rule that can refuse something, each with the Chinese message an
 * editor or reviewer sees. The glue answers a refusal with Strapi's error shape and `details.code`.
 */
export const LINKAGE_ERRORS = {
  // An interpretation's own fields
  POLICY_REQUIRED: '政策解读必须关联它所解读的政策文件',
  POLICY_NOT_FOUND: '关联的政策文件不存在',
  POLICY_NOT_A_POLICY: '关联的政府信息不属于政策文件类目（政府规章、行政规范性文件、重要政策文件），不能作为解读对象',
  FORM_INVALID: '解读形式不正确',
  INTERPRETER_INVALID: '解读主体不正确',
  SECTION_REQUIRED: '文字解读必须写明该部分内容，不能为空',
  SECTION_COPIES_POLICY: '解读内容不能照搬政策原文，应当实质性解读（说明背景、目的和举措）',

  // The review workflow (同步审签)
  INTERPRETATION_DRAFT_REQUIRED: '该政策文件须同步解读：提交审核前至少要关联一篇解读稿（同步组织）',
  INTERPRETATION_APPROVAL_REQUIRED: '该政策文件须同步解读：审核通过时必须同时审核通过至少一篇解读（同步审签）',
  REVIEW_STAGE_CONFLICT: '当前审核状态不允许这个操作',
  REJECT_COMMENT_REQUIRED: '退回修改必须填写退回意见',
  INTERPRETATION_FOLLOWS_POLICY: '政策文件尚未发布，解读随政策文件一同提交、审核和发布（同步审签、同步部署）',
  POLICY_NOT_APPROVED: '该政策文件须同步解读，只有审核通过（连同解读）后才能发布',
  INTERPRETATION_NOT_APPROVED: '政策解读审核通过后才能发布',
  POLICY_NOT_PUBLIC: '政策文件尚未以主动公开方式发布，解读不能先于政策文件公开',
  WAIVER_REASON_REQUIRED: '不解读必须写明理由',
  WAIVER_NOT_APPLICABLE: '该文件不属于须解读的政策文件，无需申请不解读',

  // Keeping the links whole (同步部署)
  POLICY_HAS_INTERPRETATIONS: '该政策文件还有关联的政策解读，不能删除；请先删除或改为关联其他文件',
  ORGANIZATION_OUT_OF_SCOPE: '只能处理本机关（部门）的政策文件和解读',
  NOT_FOUND: '政策文件或解读不存在',
  PERIOD_INVALID: '统计期间不正确，应为“YYYY-MM-DD”格式且起始不晚于截止',
} as const;

export type LinkageErrorCode = keyof typeof LINKAGE_ERRORS;

/** One refusal: `code` names the rule, `field` the input that broke it, `detail` what it concerns. */
export interface Refusal {
  code: LinkageErrorCode;
  message: string;
  field?: string;
  detail?: Record<string, unknown>;
}

export const refusal = (code: LinkageErrorCode, field?: string, detail?: Record<string, unknown>): Refusal => ({
  code,
  message: LINKAGE_ERRORS[code],
  ...(field ? { field } : {}),
  ...(detail ? { detail } : {}),
});
