/**
 * 索引号: `<organisation code>/<year>-<sequence>`, the sequence zero-padded to five digits,
 * e.g. `000014349/2018-00222`. Sequences are per organisation and year, without gaps.
 */
export const INDEX_NUMBER_PATTERN = /^([0-9A-Z]{6,18})\/(\d{4})-(\d{5,})$/;

export const formatIndexNumber = (organizationCode: string, year: number, sequence: number): string => {
  if (!/^[0-9A-Z]{6,18}$/.test(organizationCode)) throw new Error(`invalid organisation code: ${organizationCode}`);
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new Error(`invalid year: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`invalid sequence: ${sequence}`);
  return `${organizationCode}/${year}-${String(sequence).padStart(5, '0')}`;
};

export const parseIndexNumber = (value: string): { organizationCode: string; year: number; sequence: number } | null => {
  const match = INDEX_NUMBER_PATTERN.exec(value);
  if (!match) return null;
  return { organizationCode: match[1], year: Number(match[2]), sequence: Number(match[3]) };
};
