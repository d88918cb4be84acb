import { findPersonalData, maskLabelledNames, maskName, type PersonalDataType } from './personal-data';

/**
 * "Mask and publish": the public text with every piece of personal data replaced by its mask
 * (138****1234, 35*************123, 张*三, 文三路**号*幢), plus the names listed in the same table
 * row or after a label (姓名：张三). The record of what was masked keeps only masked values.
 */

export interface Masked {
  field: string;
  type: PersonalDataType | 'name';
  masked: string;
}

const ROW_NAME_CELL = /(^|\||\t|<t[dh][^>]*>)(\s*)([\u4e00-\u9fa5]{2,4})(\s*)(?=\||\t|<\/t[dh]>|$)/g;
const HEADER_WORDS = new Set(['姓名', '序号', '地址', '住址', '电话', '手机', '身份证', '身份证号', '银行卡', '卡号', '户主', '备注', '金额', '村组', '家庭住址', '联系电话', '补助金额', '乡镇', '街道']);

const maskRowNames = (row: string, field: string, record: Masked[]): string =>
  row.replace(ROW_NAME_CELL, (all, lead: string, sp1: string, name: string, sp2: string) => {
    if (HEADER_WORDS.has(name)) return all;
    const masked = maskName(name);
    record.push({ field, type: 'name', masked });
    return `${lead}${sp1}${masked}${sp2}`;
  });

export const maskText = (field: string, text: string, { rich = false }: { rich?: boolean } = {}): { text: string; masked: Masked[] } => {
  const record: Masked[] = [];
  if (!text) return { text, masked: record };

  // Rows of a table (HTML <tr>, markdown or tab-separated lines) that hold personal data: names in them are masked too.
  const maskRow = (row: string, tabular: boolean) => {
    const found = findPersonalData(row, { tabular });
    if (!found.length) return row;
    let out = '';
    let at = 0;
    for (const m of found) {
      out += row.slice(at, m.start) + m.masked;
      at = m.end;
      record.push({ field, type: m.type, masked: m.masked });
    }
    out += row.slice(at);
    return tabular ? maskRowNames(out, field, record) : out;
  };

  let out = text;
  if (rich && /<tr[\s>]/i.test(out)) out = out.replace(/<tr[\s>][\s\S]*?<\/tr>/gi, (row) => maskRow(row, true));
  out = out
    .split('\n')
    .map((line) => maskRow(line, line.includes('\t') || /^\s*\|.*\|\s*$/.test(line)))
    .join('\n');
  const labelled = maskLabelledNames(out);
  for (const masked of labelled.names) record.push({ field, type: 'name', masked });
  return { text: labelled.text, masked: record };
};
