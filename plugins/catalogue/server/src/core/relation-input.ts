/**
 * What a write does to a to-one relation, read from any of the input shapes Strapi 5 accepts:
 * a documentId, a numeric id, `{ documentId }`, `{ id }`, `{ connect: [...] }`, `{ set: [...] }`,
 * `{ disconnect: [...] }`, an array, or null. The admin's form sends `{ connect: [], disconnect: [] }`
 * when the relation was left alone.
 */
export type RelationRef = { documentId: string } | { id: number };
export type ToOneChange = { kind: 'unchanged' } | { kind: 'cleared' } | { kind: 'set'; ref: RelationRef } | { kind: 'unknown' };

const toRef = (value: unknown): RelationRef | null => {
  if (typeof value === 'string' && value.trim() !== '') return /^\d+$/.test(value) ? { id: Number(value) } : { documentId: value };
  if (typeof value === 'number' && Number.isInteger(value)) return { id: value };
  if (value && typeof value === 'object') {
    const candidate = value as { documentId?: unknown; id?: unknown };
    if (typeof candidate.documentId === 'string' && candidate.documentId) return { documentId: candidate.documentId };
    if (typeof candidate.id === 'number' || typeof candidate.id === 'string') return toRef(candidate.id);
  }
  return null;
};

const fromList = (list: unknown[]): ToOneChange => {
  if (list.length === 0) return { kind: 'cleared' };
  const ref = toRef(list[list.length - 1]);
  return ref ? { kind: 'set', ref } : { kind: 'unknown' };
};

export const parseToOneRelationInput = (value: unknown): ToOneChange => {
  if (value === undefined) return { kind: 'unchanged' };
  if (value === null) return { kind: 'cleared' };
  if (Array.isArray(value)) return fromList(value);
  if (typeof value === 'object') {
    const input = value as { set?: unknown; connect?: unknown; disconnect?: unknown };
    if (Array.isArray(input.set)) return fromList(input.set);
    const connect = Array.isArray(input.connect) ? input.connect : [];
    const disconnect = Array.isArray(input.disconnect) ? input.disconnect : [];
    if (connect.length > 0) return fromList(connect);
    if (disconnect.length > 0) return { kind: 'cleared' };
    if ('connect' in input || 'disconnect' in input) return { kind: 'unchanged' };
  }
  const ref = toRef(value);
  return ref ? { kind: 'set', ref } : { kind: 'unknown' };
};
