/** 有效性 of an item, derived from its dates; relation-driven states (amended, repealed) are kept. */
export const VALIDITY = ['not_yet_effective', 'valid', 'amended', 'partially_invalid', 'invalid'] as const;
export type Validity = (typeof VALIDITY)[number];

export const VALIDITY_LABELS: Record<Validity, string> = {
  not_yet_effective: '尚未生效',
  valid: '有效',
  amended: '已修改',
  partially_invalid: '部分失效',
  invalid: '失效',
};

/**
 * Dates win over anything typed: past the expiry date it is 失效, before the effective date 尚未生效.
 * Between them, a state that only an amend/repeal relation can establish is kept; otherwise 有效.
 * The expiry date is the last day in force ("有效期至…").
 */
export const deriveValidity = (
  item: { effectiveDate?: string | null; expiryDate?: string | null; validity?: Validity | null },
  today: string
): Validity => {
  if (item.expiryDate && item.expiryDate < today) return 'invalid';
  if (item.effectiveDate && item.effectiveDate > today) return 'not_yet_effective';
  if (item.validity === 'amended' || item.validity === 'partially_invalid' || item.validity === 'invalid') return item.validity;
  return 'valid';
};
