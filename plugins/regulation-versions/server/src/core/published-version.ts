import { refusal, type Refusal } from './errors';
import type { RegulationVersion } from './regulation';

/**
 * Versions are immutable once published: what was published on a date is evidence of what the law said
 * (and back-dating is a veto item in inspections). A correction is a new version.
 */

/** Every field of a version that is its content; ids, timestamps and stored statuses are not. */
export const VERSION_CONTENT_FIELDS = [
  'versionNumber',
  'title',
  'flags',
  'text',
  'actDocumentNumber',
  'actDate',
  'publishedOn',
  'effectiveOn',
  'expiresOn',
  'openEnded',
  'amends',
  'renews',
  'correction',
  'draft',
] as const satisfies readonly (keyof RegulationVersion)[];

/** A stable form for comparing: object keys sorted, null and absent treated alike. */
const canonical = (value: unknown): unknown => {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) {
      const inner = canonical((value as Record<string, unknown>)[key]);
      if (inner !== null) out[key] = inner;
    }
    return out;
  }
  return value;
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/**
 * Refusals for writing `incoming` over the stored version `stored`: one per changed content field when
 * `stored` is published, none while it is a draft. Fields absent from `incoming` are not changes (a
 * partial update leaves them as they are).
 */
export const checkPublishedVersionUnchanged = (stored: RegulationVersion, incoming: Partial<RegulationVersion>): Refusal[] => {
  if (stored.draft) return [];
  const problems: Refusal[] = [];
  for (const field of VERSION_CONTENT_FIELDS) {
    if (!Object.prototype.hasOwnProperty.call(incoming, field)) continue;
    if (!same(stored[field], incoming[field])) {
      problems.push(refusal('PUBLISHED_VERSION_IMMUTABLE', field, field === 'text' ? undefined : incoming[field], `第${stored.versionNumber}版`));
    }
  }
  return problems;
};
