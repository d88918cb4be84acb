import { isIsoDate } from './civil-date';
import { DEADLINES_ERRORS, DeadlinesError, refusal, type DeadlinesErrorCode, type Refusal } from './errors';
import {
  APPLICANT_TYPE_LIST,
  APPLICANT_TYPES,
  isApplicantType,
  isResultCode,
  RESULT_ROWS,
  type ApplicantType,
  type ResultCode,
  type ResultRowKey,
} from './result-codes';

/**
 * Table 3 of the annual report (收到和处理政府信息公开申请情况), computed from the applications
 * themselves, and the arithmetic checks the format builds in. The statistical year is
 * 1 January – 31 December.
 */

export interface ApplicationRecord {
  applicantType: ApplicantType;
  receivedOn: string;
  resultCode?: ResultCode | null;
  resultOn?: string | null;
}

export type ApplicationTableRowKey = 'new_this_year' | 'carried_in' | ResultRowKey | 'carried_out';
export type ApplicationTableColumn = ApplicantType | 'total';

export interface ApplicationTableRow {
  key: ApplicationTableRowKey;
  ordinal: string;
  label: string;
}

/** Every row of table 3 in printed order: 本年新收, 上年结转, the 26 result rows, 结转下年度继续办理. */
export const APPLICATION_TABLE_ROWS: readonly ApplicationTableRow[] = Object.freeze([
  { key: 'new_this_year', ordinal: '一、', label: '本年新收政府信息公开申请数量' },
  { key: 'carried_in', ordinal: '二、', label: '上年结转政府信息公开申请数量' },
  ...RESULT_ROWS.map((row) => ({ key: row.key, ordinal: row.ordinal, label: row.label })),
  { key: 'carried_out', ordinal: '四、', label: '结转下年度继续办理' },
] as ApplicationTableRow[]);

export const APPLICATION_TABLE_COLUMNS: readonly ApplicationTableColumn[] = Object.freeze([...APPLICANT_TYPE_LIST, 'total'] as ApplicationTableColumn[]);

export const APPLICATION_TABLE_COLUMN_LABELS: Record<ApplicationTableColumn, string> = {
  ...(Object.fromEntries(APPLICANT_TYPE_LIST.map((type) => [type, APPLICANT_TYPES[type].label])) as Record<ApplicantType, string>),
  total: '总计',
};

export interface ApplicationTable {
  year: number;
  cells: Record<ApplicationTableRowKey, Record<ApplicationTableColumn, number>>;
}

export interface ApplicationTableReport {
  table: ApplicationTable;
  /** Applications left out because their data cannot be counted, by position in the input. */
  excluded: { index: number; refusal: Refusal }[];
}

const emptyTable = (year: number): ApplicationTable => {
  const cells = {} as ApplicationTable['cells'];
  for (const row of APPLICATION_TABLE_ROWS) {
    cells[row.key] = Object.fromEntries(APPLICATION_TABLE_COLUMNS.map((column) => [column, 0])) as Record<ApplicationTableColumn, number>;
  }
  return { year, cells };
};

const problemWith = (application: ApplicationRecord): Refusal | null => {
  if (!isApplicantType(application?.applicantType)) return refusal('REPORT_APPLICANT_TYPE_UNKNOWN', 'applicantType', application?.applicantType);
  if (!isIsoDate(application.receivedOn)) return refusal('REPORT_RECEIVED_ON_INVALID', 'receivedOn', application.receivedOn);
  const { resultCode, resultOn } = application;
  const hasCode = resultCode !== undefined && resultCode !== null;
  const hasDate = resultOn !== undefined && resultOn !== null;
  if (hasCode && !isResultCode(resultCode)) return refusal('REPORT_RESULT_CODE_UNKNOWN', 'resultCode', resultCode);
  if (hasCode !== hasDate) return refusal('REPORT_RESULT_DATE_MISSING', hasCode ? 'resultOn' : 'resultCode');
  if (hasDate && !isIsoDate(resultOn)) return refusal('DATE_INVALID', 'resultOn', resultOn);
  if (hasDate && resultOn < application.receivedOn) return refusal('REPORT_RESULT_BEFORE_RECEIPT', 'resultOn', resultOn);
  return null;
};

/** Table 3 for `year`, counted from the applications (those received after the year are ignored). */
export const buildApplicationTable = (applications: readonly ApplicationRecord[], year: number): ApplicationTableReport => {
  if (!(Number.isInteger(year) && year >= 1 && year <= 9999)) throw new DeadlinesError('REPORT_YEAR_INVALID', 'year', year);
  const first = `${String(year).padStart(4, '0')}-01-01`;
  const last = `${String(year).padStart(4, '0')}-12-31`;
  const table = emptyTable(year);
  const excluded: ApplicationTableReport['excluded'] = [];
  const add = (row: ApplicationTableRowKey, type: ApplicantType) => {
    table.cells[row][type] += 1;
    table.cells[row].total += 1;
  };

  applications.forEach((application, index) => {
    const problem = problemWith(application);
    if (problem) {
      excluded.push({ index, refusal: problem });
      return;
    }
    const { applicantType, receivedOn, resultCode, resultOn } = application;
    if (receivedOn > last) return; // not yet received in this year
    if (resultOn && resultOn < first) return; // finished before the year
    add(receivedOn >= first ? 'new_this_year' : 'carried_in', applicantType);
    if (resultCode && resultOn && resultOn <= last) add(resultCode, applicantType);
    else add('carried_out', applicantType);
  });

  // Subtotals and the total follow from the leaves.
  for (const row of RESULT_ROWS) {
    if (row.kind === 'leaf') continue;
    for (const column of APPLICATION_TABLE_COLUMNS) {
      table.cells[row.key][column] = row.codes.reduce((sum, code) => sum + table.cells[code][column], 0);
    }
  }
  return { table, excluded };
};

export interface TableViolation {
  code: DeadlinesErrorCode;
  message: string;
  row: ApplicationTableRowKey;
  column: ApplicationTableColumn;
  expected?: number;
  actual: unknown;
}

const violation = (code: DeadlinesErrorCode, row: ApplicationTableRowKey, column: ApplicationTableColumn, actual: unknown, expected?: number): TableViolation => ({
  code,
  message: DEADLINES_ERRORS[code],
  row,
  column,
  ...(expected === undefined ? {} : { expected }),
  actual,
});

/** The rows whose sum makes the handled total as printed: 予以公开, 部分公开 and the four subtotals. */
const HANDLED_TOTAL_PARTS: ApplicationTableRowKey[] = RESULT_ROWS.filter(
  (row) => row.kind === 'subtotal' || (row.kind === 'leaf' && !RESULT_ROWS.some((other) => other.kind === 'subtotal' && other.codes.includes(row.codes[0])))
).map((row) => row.key);

/**
 * Every way `table` (computed here, typed in or imported) breaks the format's arithmetic: subtotals,
 * the handled total, the total column, and new + carried in = handled + carried out.
 */
export const checkApplicationTable = (table: ApplicationTable): TableViolation[] => {
  const invalid: TableViolation[] = [];
  for (const row of APPLICATION_TABLE_ROWS) {
    for (const column of APPLICATION_TABLE_COLUMNS) {
      const value = table?.cells?.[row.key]?.[column];
      if (!(Number.isInteger(value) && value >= 0)) invalid.push(violation('TABLE_VALUE_INVALID', row.key, column, value));
    }
  }
  if (invalid.length > 0) return invalid; // the sums below mean nothing over missing or negative cells

  const cell = (row: ApplicationTableRowKey, column: ApplicationTableColumn) => table.cells[row][column];
  const violations: TableViolation[] = [];
  for (const column of APPLICATION_TABLE_COLUMNS) {
    for (const row of RESULT_ROWS) {
      if (row.kind !== 'subtotal') continue;
      const expected = row.codes.reduce((sum, code) => sum + cell(code, column), 0);
      if (cell(row.key, column) !== expected) violations.push(violation('TABLE_SUBTOTAL_MISMATCH', row.key, column, cell(row.key, column), expected));
    }
    const handled = HANDLED_TOTAL_PARTS.reduce((sum, row) => sum + cell(row, column), 0);
    if (cell('handled_total', column) !== handled) violations.push(violation('TABLE_HANDLED_TOTAL_MISMATCH', 'handled_total', column, cell('handled_total', column), handled));
    const balance = cell('new_this_year', column) + cell('carried_in', column) - cell('carried_out', column);
    if (cell('handled_total', column) !== balance) violations.push(violation('TABLE_BALANCE_MISMATCH', 'handled_total', column, cell('handled_total', column), balance));
  }
  for (const row of APPLICATION_TABLE_ROWS) {
    const expected = APPLICANT_TYPE_LIST.reduce((sum, type) => sum + cell(row.key, type), 0);
    if (cell(row.key, 'total') !== expected) violations.push(violation('TABLE_COLUMN_TOTAL_MISMATCH', row.key, 'total', cell(row.key, 'total'), expected));
  }
  return violations;
};
