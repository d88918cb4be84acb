/**
 * How an application ended, as the rows of table 3 (“收到和处理政府信息公开申请情况”) of the annual
 * report in the 2021 format (国办公开办函〔2021〕30号), and the applicant types that are its columns.
 *
 * Each result is recorded as one of the 21 leaf codes; with the four group subtotals (不予公开、无法提供、
 * 不予处理、其他处理) and the total they make the table's 26 result rows. The English codes are stable
 * identifiers stored in the database: never rename one.
 */

export const RESULT_GROUPS = {
  disclosed: { label: '予以公开', ordinal: '（一）' },
  partially_disclosed: { label: '部分公开（区分处理的，只计这一情形，不计其他情形）', ordinal: '（二）' },
  withheld: { label: '不予公开', ordinal: '（三）' },
  unavailable: { label: '无法提供', ordinal: '（四）' },
  not_processed: { label: '不予处理', ordinal: '（五）' },
  other: { label: '其他处理', ordinal: '（六）' },
} as const;

export type ResultGroup = keyof typeof RESULT_GROUPS;

/** The leaf codes in table row order. */
export const RESULT_CODES = {
  disclosed: { group: 'disclosed', label: '予以公开' },
  partially_disclosed: { group: 'partially_disclosed', label: '部分公开' },

  withheld_state_secret: { group: 'withheld', label: '属于国家秘密' },
  withheld_prohibited_by_law: { group: 'withheld', label: '其他法律行政法规禁止公开' },
  withheld_endangers_security_stability: { group: 'withheld', label: '危及“三安全一稳定”' },
  withheld_third_party_rights: { group: 'withheld', label: '保护第三方合法权益' },
  withheld_internal_affairs: { group: 'withheld', label: '属于三类内部事务信息' },
  withheld_process_information: { group: 'withheld', label: '属于四类过程性信息' },
  withheld_enforcement_file: { group: 'withheld', label: '属于行政执法案卷' },
  withheld_administrative_inquiry: { group: 'withheld', label: '属于行政查询事项' },

  unavailable_not_held: { group: 'unavailable', label: '本机关不掌握相关政府信息' },
  unavailable_needs_compiling: { group: 'unavailable', label: '没有现成信息需要另行制作' },
  unavailable_unclear_after_supplement: { group: 'unavailable', label: '补正后申请内容仍不明确' },

  not_processed_petition_complaint: { group: 'not_processed', label: '信访举报投诉类申请' },
  not_processed_repeated: { group: 'not_processed', label: '重复申请' },
  not_processed_publication: { group: 'not_processed', label: '要求提供公开出版物' },
  not_processed_excessive_repeated: { group: 'not_processed', label: '无正当理由大量反复申请' },
  not_processed_confirm_or_reissue: { group: 'not_processed', label: '要求行政机关确认或重新出具已获取信息' },

  other_not_supplemented: { group: 'other', label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
  other_fee_unpaid: { group: 'other', label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
  other: { group: 'other', label: '其他' },
} as const satisfies Record<string, { group: ResultGroup; label: string }>;

export type ResultCode = keyof typeof RESULT_CODES;

export const RESULT_CODE_LIST = Object.keys(RESULT_CODES) as ResultCode[];

export const isResultCode = (value: unknown): value is ResultCode =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(RESULT_CODES, value);

export const resultGroupOf = (code: ResultCode): ResultGroup => RESULT_CODES[code].group;

/** Groups with more than one reason, which have a subtotal row of their own. */
export const SUBTOTAL_GROUPS = ['withheld', 'unavailable', 'not_processed', 'other'] as const satisfies readonly ResultGroup[];
export type SubtotalGroup = (typeof SUBTOTAL_GROUPS)[number];

/** Key of a row of the result part of table 3: a leaf code, a group subtotal or the total. */
export type ResultRowKey = ResultCode | `${SubtotalGroup}_subtotal` | 'handled_total';

export interface ResultRow {
  key: ResultRowKey;
  kind: 'leaf' | 'subtotal' | 'total';
  /** Printed numbering: （一）… for groups, 1. 2. … for reasons inside a group. */
  ordinal: string;
  label: string;
  /** For a leaf, its code; for a subtotal, the leaves it adds up. */
  codes: ResultCode[];
}

const isSubtotalGroup = (group: ResultGroup): group is SubtotalGroup => (SUBTOTAL_GROUPS as readonly string[]).includes(group);

/** The 26 result rows of table 3, in printed order. */
export const RESULT_ROWS: readonly ResultRow[] = Object.freeze(
  (() => {
    const rows: ResultRow[] = [];
    for (const group of Object.keys(RESULT_GROUPS) as ResultGroup[]) {
      const codes = RESULT_CODE_LIST.filter((code) => RESULT_CODES[code].group === group);
      if (isSubtotalGroup(group)) {
        rows.push({ key: `${group}_subtotal`, kind: 'subtotal', ordinal: RESULT_GROUPS[group].ordinal, label: RESULT_GROUPS[group].label, codes });
        codes.forEach((code, index) => rows.push({ key: code, kind: 'leaf', ordinal: `${index + 1}.`, label: RESULT_CODES[code].label, codes: [code] }));
      } else {
        rows.push({ key: codes[0], kind: 'leaf', ordinal: RESULT_GROUPS[group].ordinal, label: RESULT_GROUPS[group].label, codes });
      }
    }
    rows.push({ key: 'handled_total', kind: 'total', ordinal: '（七）', label: '总计', codes: [...RESULT_CODE_LIST] });
    return rows;
  })()
);

/** The columns of table 3: natural persons, and legal persons or other organisations by kind. */
export const APPLICANT_TYPES = {
  natural_person: { label: '自然人', legalPersonOrOrganization: false },
  commercial_enterprise: { label: '商业企业', legalPersonOrOrganization: true },
  research_institution: { label: '科研机构', legalPersonOrOrganization: true },
  public_interest_organization: { label: '社会公益组织', legalPersonOrOrganization: true },
  legal_service_institution: { label: '法律服务机构', legalPersonOrOrganization: true },
  other_organization: { label: '其他', legalPersonOrOrganization: true },
} as const;

export type ApplicantType = keyof typeof APPLICANT_TYPES;

export const APPLICANT_TYPE_LIST = Object.keys(APPLICANT_TYPES) as ApplicantType[];

export const isApplicantType = (value: unknown): value is ApplicantType =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(APPLICANT_TYPES, value);
