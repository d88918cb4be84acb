/**
 * Stable, machine-readable codes for every rule of the deadlines core that can refuse something,
 * each with the Chinese message a department user sees in the admin.
 */
export const DEADLINES_ERRORS = {
  // Dates and the working-day calendar
  DATE_INVALID: '日期格式不正确，应为“YYYY-MM-DD”格式的有效日期',
  WORKING_DAYS_INVALID: '工作日数必须是非负整数',
  OVERRIDE_KIND_INVALID: '节假日调整的类型只能是“holiday”（放假）或“workday”（调休上班）',
  OVERRIDE_DUPLICATE_DATE: '同一日期只能有一条节假日调整',

  // Receipt date (Art. 31)
  RECEIPT_CHANNEL_UNKNOWN: '申请方式不正确，应为当面提交、邮政挂号信、平常信函、互联网渠道或传真之一',
  SUBMITTED_ON_REQUIRED: '必须填写申请提交日期',
  SIGNED_FOR_ON_REQUIRED: '以邮政挂号信等需要签收的方式提交的，必须填写签收日期（以签收之日为收到申请之日）',
  CONFIRMED_ON_REQUIRED: '以平常信函、互联网渠道或传真提交的，必须填写双方（或行政机关与申请人）确认之日',
  RECEIPT_BEFORE_SUBMISSION: '收到申请之日不能早于申请提交日期',

  // Application event sequence
  EVENT_TYPE_UNKNOWN: '无法识别的办理环节',
  FIRST_EVENT_NOT_REGISTERED: '依申请公开的第一个办理环节必须是“登记收到申请”',
  ALREADY_REGISTERED: '该申请已经登记，不能重复登记',
  EVENT_BEFORE_PREVIOUS: '办理环节的日期不能早于上一个环节的日期',
  EVENT_NOT_ALLOWED_IN_STATE: '申请当前所处的办理状态不允许该环节',
  APPLICATION_CLOSED: '申请已办结归档，除“重新办理”外不能再记录其他环节',
  APPLICATION_NOT_CLOSED: '只有已办结归档的申请才能重新办理',
  APPLICATION_NOT_FINISHED: '申请尚未答复送达（或视为放弃），不能办结归档',
  SUPPLEMENT_ALREADY_REQUESTED: '补正只能要求一次（《政府信息公开条例》第三十条）',
  SUPPLEMENT_AFTER_PROCESSING_STARTED: '已开始征求意见、延期或收费后不能再要求补正，补正应在收到申请之初一次性告知',
  SUPPLEMENT_DUE_BY_REQUIRED: '补正通知必须写明申请人补正的期限',
  SUPPLEMENT_DUE_BY_BEFORE_REQUEST: '补正期限不能早于发出补正通知之日',
  SUPPLEMENT_NOT_REQUESTED: '该申请没有待补正的补正通知',
  SUPPLEMENT_NOT_YET_EXPIRED: '补正期限尚未届满，不能视为放弃申请',
  SUPPLEMENT_PENDING: '申请正在等待补正，应先记录补正结果（收到补正或逾期未补正）',
  CONSULTATION_ALREADY_STARTED: '已有正在进行的征求意见，应先记录征求意见结束',
  CONSULTATION_NOT_STARTED: '没有正在进行的征求意见，不能结束征求意见',
  CONSULTATION_NOT_ENDED: '征求意见尚未结束，应先记录征求意见结束',
  CONSULTATION_PARTY_INVALID: '征求意见对象只能是第三方（third_party）或共同制作机关（co_authoring_agency）',
  CONSULTATION_RECEIVED_BEFORE_SENT: '被征求意见方收到征求意见书的日期不能早于发出日期',
  EXTENSION_ALREADY_GRANTED: '答复期限只能延长一次（《政府信息公开条例》第三十三条）',
  EXTENSION_TOO_LONG: '延长答复的期限最长不得超过20个工作日（《政府信息公开条例》第三十三条）',
  EXTENSION_DAYS_INVALID: '延长的期限必须是正整数个工作日',
  EXTENSION_APPROVER_REQUIRED: '延长答复期限须经政府信息公开工作机构负责人同意，必须填写批准人',
  EXTENSION_NOTICE_REQUIRED: '延长答复期限应当告知申请人，必须填写告知申请人的日期',
  EXTENSION_NOTICE_BEFORE_GRANT: '告知申请人延期的日期不能早于批准延期的日期',
  EXTENSION_AFTER_DUE_DATE: '答复期限届满后不能再延长，延期须在原答复期限内决定',
  FEE_ALREADY_REQUESTED: '同一申请只能发出一次收费通知',
  FEE_NOT_REQUESTED: '该申请没有待缴费的收费通知',
  FEE_NOT_YET_EXPIRED: '缴费期限尚未届满，不能视为放弃申请',
  FEE_NOT_PAID: '申请正在等待缴费，应先记录缴费或逾期未缴费',
  FEE_AMOUNT_INVALID: '收费金额必须是非负数',
  FEE_PAY_BY_BEFORE_NOTICE: '缴费期限不能早于发出收费通知之日',
  RESULT_CODE_UNKNOWN: '办理结果不在年度报告“申请办理结果”的分类之中',
  RESULT_CODE_NEEDS_EVENT: '该办理结果由“逾期未补正”或“逾期未缴费”环节自动产生，不能直接记录',
  RESULT_REQUIRES_SUPPLEMENT: '只有申请人补正后申请内容仍不明确的，才能以“补正后申请内容仍不明确”答复',
  RESULT_ALREADY_RECORDED: '该申请已记录办理结果',
  RESULT_NOT_RECORDED: '尚未记录办理结果，不能送达',
  ALREADY_DELIVERED: '答复已经送达',

  // Intake and records
  APPLICATION_ORGANIZATION_UNKNOWN: '受理机关不存在，请填写正确的机关代码',
  APPLICATION_CHANNEL_INVALID: '申请方式不正确',
  APPLICATION_RECORDS_IMMUTABLE: '申请及其办理记录只能通过依申请公开接口登记和追加，不能直接修改或删除',
  EVENT_IN_FUTURE: '办理环节的日期不能晚于今天',
  STATUS_NOT_FOUND: '查询码或查询密码不正确',

  // Fees (国办函〔2020〕109号)
  FEE_METHOD_UNKNOWN: '计费方式只能是按件计收（per_application）或按量计收（per_page）',
  APPLICATION_COUNT_INVALID: '本月申请件数必须是正整数（含本件）',
  PAGE_COUNT_INVALID: '页数必须是非负整数',

  // Annual report, table 3
  REPORT_YEAR_INVALID: '统计年度不正确',
  REPORT_APPLICANT_TYPE_UNKNOWN: '申请人类型不正确',
  REPORT_RECEIVED_ON_INVALID: '收到申请日期不正确',
  REPORT_RESULT_CODE_UNKNOWN: '办理结果不在年度报告“申请办理结果”的分类之中',
  REPORT_RESULT_DATE_MISSING: '已有办理结果的申请必须有办理结果日期（反之亦然）',
  REPORT_RESULT_BEFORE_RECEIPT: '办理结果日期不能早于收到申请日期',
  TABLE_VALUE_INVALID: '表中数字必须是非负整数',
  TABLE_BALANCE_MISMATCH: '本年新收 + 上年结转 应当等于 办理结果总计 + 结转下年度继续办理',
  TABLE_SUBTOTAL_MISMATCH: '小计应当等于其下各项之和',
  TABLE_HANDLED_TOTAL_MISMATCH: '办理结果总计应当等于各类办理结果之和',
  TABLE_COLUMN_TOTAL_MISMATCH: '“总计”列应当等于各类申请人之和',
} as const;

export type DeadlinesErrorCode = keyof typeof DEADLINES_ERRORS;

/** One refusal: `code` names the rule, `field` (when there is one) the input that broke it. */
export interface Refusal {
  code: DeadlinesErrorCode;
  message: string;
  field?: string;
  value?: unknown;
}

export const refusal = (code: DeadlinesErrorCode, field?: string, value?: unknown, detail?: string): Refusal => ({
  code,
  message: detail ? `${DEADLINES_ERRORS[code]}（${detail}）` : DEADLINES_ERRORS[code],
  ...(field === undefined ? {} : { field }),
  ...(value === undefined ? {} : { value }),
});

/**
 * Thrown where a caller passed input the core cannot work with at all (an unparseable date, a negative
 * day count). Carries the same stable code as a refusal so the Strapi glue can map it to a 400.
 */
export class DeadlinesError extends Error {
  readonly code: DeadlinesErrorCode;
  readonly field?: string;
  readonly value?: unknown;

  constructor(code: DeadlinesErrorCode, field?: string, value?: unknown, detail?: string) {
    super(refusal(code, field, value, detail).message);
    this.name = 'DeadlinesError';
    this.code = code;
    this.field = field;
    this.value = value;
  }

  toRefusal(): Refusal {
    return refusal(this.code, this.field, this.value);
  }
}
