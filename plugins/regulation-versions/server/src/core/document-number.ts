/**
 * 发文字号 compared for sameness: people type the year brackets 〔〕 as [], 【】, ［］, (), （）, ﹝﹞ and
 * add spaces, so `国办发[2021]12号` and `国办发〔2021〕12号` are the same number.
 */
export const normalizeDocumentNumber = (value: string | null | undefined): string =>
  typeof value === 'string'
    ? value
        .replace(/[\s\u3000]+/g, '')
        .replace(/[[【［(（〈《﹝]((?:19|20)\d{2})[\]】］)）〉》﹞]/g, '〔$1〕')
        .replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    : '';

export const sameDocumentNumber = (a: string | null | undefined, b: string | null | undefined): boolean => {
  const left = normalizeDocumentNumber(a);
  return left !== '' && left === normalizeDocumentNumber(b);
};

export const hasDocumentNumber = (value: unknown): value is string => typeof value === 'string' && normalizeDocumentNumber(value) !== '';
