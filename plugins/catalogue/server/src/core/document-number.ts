import { fieldError, type FieldError } from './errors';

/**
 * 发文字号: organ abbreviation and document kind, the year in hexagonal brackets 〔〕, a serial, then 号.
 * Examples: 国办发〔2021〕12号, 浙政办发〔2023〕5号, 财预〔2022〕108号.
 */
const DOCUMENT_NUMBER = /^[\u4e00-\u9fa5A-Za-z0-9·（）()]{1,30}〔(19|20)\d{2}〕[1-9]\d{0,5}号$/;

/** Brackets people type instead of 〔〕: [], 【】, ［］, (), （）, 〈〉, 《》, ﹝﹞. */
const LOOKALIKE_YEAR_BRACKETS = /[[【［(（〈《﹝]\s*(19|20)\d{2}\s*[\]】］)）〉》﹞]/;

export const checkDocumentNumber = (value: unknown, field = 'documentNumber'): FieldError | null => {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string') return fieldError(field, 'DOCUMENT_NUMBER_FORMAT', value);
  const trimmed = value.trim();
  if (DOCUMENT_NUMBER.test(trimmed)) return null;
  const hint = LOOKALIKE_YEAR_BRACKETS.test(trimmed) ? '年份两侧使用了错误的括号' : undefined;
  return fieldError(field, 'DOCUMENT_NUMBER_FORMAT', value, hint);
};

export const isDocumentNumber = (value: string): boolean => checkDocumentNumber(value) === null;
