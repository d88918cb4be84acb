/**
 * Stable, machine-readable codes for every rule of the regulation-versions core that can refuse
 * something, each with the Chinese message an editor sees in the admin. The Strapi glue maps a refusal
 * to a 400 that names its code.
 */
export const REGULATION_ERRORS = {
  // Input the core cannot work with
  DATE_INVALID: '日期格式不正确，应为“YYYY-MM-DD”格式的有效日期',
  REGULATION_KIND_INVALID: '文件类型只能是规章（rule）或行政规范性文件（normative_document）',
  TITLE_REQUIRED: '必须填写文件名称',
  EVENT_TYPE_UNKNOWN: '无法识别的效力变动类型，应为废止（repeal）或部分失效（partial_repeal）',
  VALIDITY_PERIOD_RULES_INVALID: '有效期设置不正确：有效期年数应为正整数，评估提醒月数应为非负整数',
  REPORT_YEAR_INVALID: '统计年度不正确',

  // A new version
  VERSION_NUMBER_INVALID: '版本号必须是正整数',
  VERSION_NUMBER_NOT_NEXT: '新版本的版本号必须是现有最大版本号加一',
  VERSION_UNKNOWN: '指定的版本不存在',
  ACT_DOCUMENT_NUMBER_REQUIRED: '必须填写制定（修改、延续）该版本的文件的发文字号',
  PUBLISHED_BEFORE_ACT: '发布日期不能早于成文日期',
  EXPIRY_BEFORE_EFFECTIVE: '有效期截止日期不能早于施行日期',
  TEXT_EMPTY: '版本正文不能为空',
  FIRST_VERSION_HAS_PREDECESSOR: '第一个版本是原始文件，不能修改或延续其他版本',
  PREDECESSOR_REQUIRED: '第一个版本之后的每个版本都必须写明它修改（amends）或延续（renews）的版本',
  PREDECESSOR_AMBIGUOUS: '一个版本只能修改或者延续一个版本，不能同时两者',
  PREDECESSOR_UNKNOWN: '被修改（或延续）的版本不存在',
  PREDECESSOR_NOT_LATEST: '新版本必须修改（或延续）在它之前施行的最新版本',
  AMENDMENT_BEFORE_AMENDED: '修改（或延续）的版本，施行日期必须晚于被修改版本的施行日期，成文日期不能早于被修改版本的成文日期',
  VERSION_PERIODS_OVERLAP: '版本的施行期间相互重叠：同一时间只能有一个版本施行',
  VERSION_AFTER_EXPIRY: '被修改（或延续）的版本已经有效期届满失效，不能再修改或延续，应当重新制定',
  VERSION_AFTER_REPEAL: '文件已经废止，不能再有在废止之日或之后施行的版本',
  VERSION_BEFORE_PARTIAL_REPEAL: '新版本的施行日期不能早于已登记的部分失效日期：部分失效针对的是当时施行的版本',
  RENEWAL_NOT_NORMATIVE_DOCUMENT: '只有行政规范性文件有有效期，才能延续；规章应当修改',
  RENEWAL_DOCUMENT_NUMBER_NOT_NEW: '延续有效期应当重新公布，新版本必须使用新的发文字号',

  // Published versions are immutable
  PUBLISHED_VERSION_IMMUTABLE: '已发布的版本不能修改；更正应当作为新版本发布',

  // Repeal and partial repeal (部分失效)
  REPEAL_DOCUMENT_NUMBER_REQUIRED: '必须填写废止（或宣布部分失效）文件的发文字号',
  REPEAL_WITHOUT_VERSION: '文件还没有已发布的版本，不能废止',
  REPEAL_ALREADY_REPEALED: '文件已经废止，不能重复废止或再宣布部分失效',
  REPEAL_AFTER_EXPIRY: '文件在该日期前已经有效期届满失效，不能再废止',
  REPEAL_BEFORE_REGULATION: '废止日期不能早于文件的成文日期',
  REPEAL_BEFORE_LATER_CHANGE: '废止日期不能早于已登记的版本施行日期或部分失效日期',
  PARTIAL_REPEAL_ARTICLES_REQUIRED: '部分失效必须写明失效的条款（条号为正整数）',
  PARTIAL_REPEAL_ARTICLE_UNKNOWN: '部分失效所列条款在该版本中不存在',
  PARTIAL_REPEAL_ARTICLE_ALREADY_REPEALED: '所列条款已经宣布失效',
  PARTIAL_REPEAL_COVERS_ALL: '所有条款都失效的，应当废止整个文件',
  PARTIAL_REPEAL_VERSION_NOT_IN_FORCE: '部分失效只能针对在该日期施行的版本',
} as const;

export type RegulationErrorCode = keyof typeof REGULATION_ERRORS;

/** One refusal: `code` names the rule, `field` (when there is one) the input that broke it. */
export interface Refusal {
  code: RegulationErrorCode;
  message: string;
  field?: string;
  value?: unknown;
}

export const refusal = (code: RegulationErrorCode, field?: string, value?: unknown, detail?: string): Refusal => ({
  code,
  message: detail ? `${REGULATION_ERRORS[code]}（${detail}）` : REGULATION_ERRORS[code],
  ...(field === undefined ? {} : { field }),
  ...(value === undefined ? {} : { value }),
});

/**
 * Thrown where a caller passed input the core cannot work with at all (an unparseable date, an unknown
 * kind). Carries the same stable code as a refusal so the Strapi glue can map it to a 400.
 */
export class RegulationError extends Error {
  readonly code: RegulationErrorCode;
  readonly field?: string;
  readonly value?: unknown;

  constructor(code: RegulationErrorCode, field?: string, value?: unknown, detail?: string) {
    super(refusal(code, field, value, detail).message);
    this.name = 'RegulationError';
    this.code = code;
    this.field = field;
    this.value = value;
  }

  toRefusal(): Refusal {
    return refusal(this.code, this.field, this.value);
  }
}
