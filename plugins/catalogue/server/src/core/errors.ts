/**
 * Stable, machine-readable codes for every rule of the catalogue that can refuse a write,
 * each with the Chinese message an editor sees in the admin.
 */
export const CATALOGUE_ERRORS = {
  DOCUMENT_NUMBER_FORMAT: '发文字号格式不正确，应为“机关代字+〔年份〕+序号+号”，例如：国办发〔2021〕12号（年份须用六角括号〔〕）',
  INDEX_NUMBER_READ_ONLY: '索引号由系统按“机关代码/年份-五位流水号”自动生成，不能手工填写或修改',
  FIRST_PUBLISH_TIME_IMMUTABLE: '首次发布时间由系统在首次发布时记录，不能设置或修改（倒填发布日期属于单项否决）',
  NON_DISCLOSURE_REASON_REQUIRED: '公开方式为“依申请公开”或“不予公开”时，必须填写理由',
  EXPIRY_BEFORE_EFFECTIVE: '废止日期不能早于实施日期',
  FORMED_BEFORE_WRITTEN: '形成（变更）日期不能早于成文日期',
  FORMED_DATE_IN_FUTURE: '形成（变更）日期不能晚于今天',
  ORGANIZATION_REQUIRED: '必须选择发布机构',
  CATEGORY_REQUIRED: '必须选择公开目录分类',
  ORGANIZATION_OUT_OF_SCOPE: '您只能管理本机关（部门）的信息',
  ORGANIZATION_REFERENCE_INVALID: '发布机构的引用格式无法识别',
  REGION_CODE_OUTSIDE_PARENT: '行政区划代码与上级区划不一致',
  REGION_LEVEL_ORDER: '下级区划的层级必须低于上级区划',
  QUERY_PARAMETER_INVALID: '查询参数不正确',
} as const;

export type CatalogueErrorCode = keyof typeof CATALOGUE_ERRORS;

/** One refused field: `path` names the field, `code` the rule. */
export interface FieldError {
  path: string[];
  code: CatalogueErrorCode;
  message: string;
  value?: unknown;
}

export const fieldError = (field: string, code: CatalogueErrorCode, value?: unknown, detail?: string): FieldError => ({
  path: [field],
  code,
  message: detail ? `${CATALOGUE_ERRORS[code]}（${detail}）` : CATALOGUE_ERRORS[code],
  ...(value === undefined ? {} : { value }),
});
