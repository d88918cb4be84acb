import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import type { RelationRef } from '../core/relation-input';
import type { CategoryFacts } from './write-facts';

export type OrganizationRef = { id: number; documentId: string; code: string; name: string };
type Ref = RelationRef | { code: string };

const CHECK_INTERVAL_MS = 1000;

type Table<T extends { id: number; documentId: string; code: string }> = {
  uid: string;
  select: string[];
  loaded: { fingerprint: string; byId: Map<number, T>; byDocumentId: Map<string, T>; byCode: Map<string, T> } | null;
  checkedAt: number;
};

/**
 * Organisations and categories as every disclosure-item write looks them up (code, name, Art. 26
 * limit, policy flag), held in memory: reference data that administrators rarely edit. Like the
 * working-day calendar (deadlines), each instance re-reads a table when its fingerprint (row count
 * and latest update) changes, checked at most once a second, so an edit on another instance is
 * seen within a second; an edit on this instance is seen at once (lifecycles, see bootstrap). A
 * miss always asks the database, so a row created elsewhere a moment ago is never refused.
 */
const referenceData = ({ strapi }: { strapi: Core.Strapi }) => {
  const tables = {
    organization: { uid: UID.organization, select: ['id', 'documentId', 'code', 'name'], loaded: null, checkedAt: 0 } as Table<OrganizationRef>,
    category: { uid: UID.category, select: ['id', 'documentId', 'code', 'isPolicy', 'disclosureLimitDays'], loaded: null, checkedAt: 0 } as Table<CategoryFacts>,
  };

  // Through the query engine, so that inside a transaction it reads with the transaction's connection.
  const fingerprint = async (uid: string) => {
    const query = strapi.db.query(uid as never);
    const [count, latest] = await Promise.all([query.count({}), query.findOne({ select: ['updatedAt'], orderBy: { updatedAt: 'desc' } })]);
    return `${count}:${latest ? new Date((latest as { updatedAt: string }).updatedAt).getTime() : ''}`;
  };

  const current = async <T extends { id: number; documentId: string; code: string }>(table: Table<T>) => {
    const now = Date.now();
    if (table.loaded && now - table.checkedAt < CHECK_INTERVAL_MS) return table.loaded;
    table.checkedAt = now;
    const print = await fingerprint(table.uid);
    if (table.loaded?.fingerprint === print) return table.loaded;
    const rows = (await strapi.db.query(table.uid as never).findMany({ select: table.select } as never)) as T[];
    table.loaded = {
      fingerprint: print,
      byId: new Map(rows.map((row) => [row.id, row])),
      byDocumentId: new Map(rows.map((row) => [row.documentId, row])),
      byCode: new Map(rows.map((row) => [row.code, row])),
    };
    return table.loaded;
  };

  const find = async <T extends { id: number; documentId: string; code: string }>(table: Table<T>, ref: Ref): Promise<T | null> => {
    const loaded = await current(table);
    const row = 'id' in ref ? loaded.byId.get(Number(ref.id)) : 'documentId' in ref ? loaded.byDocumentId.get(ref.documentId) : loaded.byCode.get(ref.code);
    if (row) return { ...row };
    // A miss asks the database: the row may be younger than this instance's copy of the table.
    const stored = (await strapi.db.query(table.uid as never).findOne({ where: ref, select: table.select } as never)) as T | null;
    if (stored) table.loaded = null;
    return stored;
  };

  return {
    organization: (ref: Ref) => find(tables.organization, ref),
    category: (ref: Ref) => find(tables.category, ref),

    /** Forgets a table (or both), so the next lookup reads it again. */
    invalidate(uid?: string) {
      for (const table of Object.values(tables) as Array<Table<never>>) {
        if (!uid || uid === table.uid) table.loaded = null;
      }
    },

    uids: [UID.organization, UID.category] as string[],
  };
};

export type ReferenceDataService = ReturnType<typeof referenceData>;
export default referenceData;
