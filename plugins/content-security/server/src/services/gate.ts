import fs from 'fs/promises';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { OWN_RECORDS, PLUGIN_ID, SKIPPED_FIELDS, UID } from '../constants';
import type { ContentSecurityConfig } from '../config';
import { blockingOf, BLOCKING_CODES, describeLocation, FINDING_LABELS, type Finding } from '../core/findings';
import { scanDocument, uniqueFindings, type AttachmentText, type DocumentContent, type TextField } from '../core/scan';
import { extractAttachment } from '../extract';
import type { LexiconService } from './lexicon';
import { refuseFindings } from '../utils/refusals';

const STORED_FINDINGS_LIMIT = 2000;

export type Trigger = 'create' | 'update' | 'publish' | 'manual' | 'rescan' | 'mask';
export type Actor = { id: number; firstname?: string | null; lastname?: string | null; username?: string | null; email?: string | null } | null;

export interface ScanOutcome {
  uid: string;
  documentId: string;
  title: string | null;
  organizationDocumentId: string | null;
  findings: Finding[];
  blocking: Finding[];
  code: keyof typeof BLOCKING_CODES | null;
  attachmentNotes: Array<{ id?: number; name: string; note: string }>;
  lexiconVersion: string;
  durationMs: number;
}

type Attribute = { type: string; private?: boolean; multiple?: boolean };
type Row = Record<string, any> & { id: number; documentId: string };
type MediaFile = { id: number; name: string; mime?: string | null; url: string; hash?: string; ext?: string; provider?: string; size?: number; updatedAt?: string };

export const actorName = (actor: Actor) => (actor ? [actor.lastname, actor.firstname].filter(Boolean).join('') || actor.username || actor.email || `#${actor.id}` : '系统');

/** Text of Strapi "blocks" rich text (a JSON tree): the text nodes, one block a line. */
const blocksText = (value: unknown): string => {
  if (!Array.isArray(value)) return '';
  const walk = (node: any): string => (typeof node?.text === 'string' ? node.text : Array.isArray(node?.children) ? node.children.map(walk).join('') : '');
  return value.map(walk).join('\n');
};

/**
 * The gate: which content types it covers, what of a stored document it reads (text fields and
 * attachments), the scan itself with the supervisors' overrides applied, and the stored result.
 */
const gate = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as ContentSecurityConfig;
  const lexicon = () => strapi.plugin(PLUGIN_ID).service('lexicon') as LexiconService;
  /** Extracted attachment text by file id + hash: a file does not change under the same hash. */
  const extracted = new Map<string, AttachmentText>();

  const attributesOf = (uid: string) => ((strapi.contentType(uid as never) as { attributes?: Record<string, Attribute> } | undefined)?.attributes ?? {}) as Record<string, Attribute>;

  const service = {
    /** Configured UIDs that are registered, plus every type that asks to be scanned in its schema. */
    gatedContentTypes(): string[] {
      const configured = config().contentTypes.filter((uid) => !!strapi.contentType(uid as never));
      const opted = Object.entries(strapi.contentTypes)
        .filter(([, ct]) => (ct as { pluginOptions?: Record<string, any> }).pluginOptions?.[PLUGIN_ID]?.scan === true)
        .map(([uid]) => uid);
      return [...new Set([...configured, ...opted])].filter((uid) => !OWN_RECORDS.includes(uid));
    },

    isGated(uid: string) {
      return service.gatedContentTypes().includes(uid);
    },

    hasDraftAndPublish(uid: string) {
      return !!(strapi.contentType(uid as never) as { options?: { draftAndPublish?: boolean } } | undefined)?.options?.draftAndPublish;
    },

    textFieldsOf(uid: string): Array<{ field: string; rich: boolean; blocks: boolean }> {
      return Object.entries(attributesOf(uid))
        .filter(([name, a]) => ['string', 'text', 'richtext', 'blocks'].includes(a.type) && !a.private && !SKIPPED_FIELDS.has(name))
        .map(([field, a]) => ({ field, rich: a.type === 'richtext', blocks: a.type === 'blocks' }));
    },

    mediaFieldsOf(uid: string): string[] {
      return Object.entries(attributesOf(uid))
        .filter(([, a]) => a.type === 'media' && !a.private)
        .map(([name]) => name);
    },

    /** The stored row that is (or becomes) public: the published version when asked and it exists, else the draft. */
    async load(uid: string, documentId: string, { published = false }: { published?: boolean } = {}): Promise<Row | null> {
      const populate = Object.fromEntries(service.mediaFieldsOf(uid).map((f) => [f, true]));
      const where: Record<string, unknown> = { documentId };
      if (service.hasDraftAndPublish(uid)) where.publishedAt = published ? { $notNull: true } : null;
      return (await strapi.db.query(uid as never).findOne({ where, populate } as never)) as Row | null;
    },

    /**
     * The row a create returned, as scanStored would load it, when the create attached no files
     * (null otherwise, or when the result is not a stored row): its media fields are then empty.
     */
    createdRow(uid: string, result: unknown, data: Record<string, unknown> | undefined): Row | null {
      const row = result as Row | null;
      if (!row || typeof row !== 'object' || typeof row.id !== 'number' || typeof row.documentId !== 'string') return null;
      const media = service.mediaFieldsOf(uid);
      const attaches = (value: unknown) => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
      if (media.some((field) => attaches(data?.[field]))) return null;
      return { ...row, ...Object.fromEntries(media.map((field) => [field, []])) };
    },

    async readFile(file: MediaFile): Promise<Buffer> {
      if (/^https?:\/\//i.test(file.url)) {
        const response = await fetch(file.url);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return Buffer.from(await response.arrayBuffer());
      }
      // The local upload provider stores files under public/ with their URL as the relative path.
      const publicDir = (strapi.dirs as { static: { public: string } }).static.public;
      return fs.readFile(path.join(publicDir, decodeURIComponent(file.url.split('?')[0])));
    },

    async attachmentText(file: MediaFile): Promise<AttachmentText> {
      const key = `${file.id}:${file.hash ?? ''}:${file.updatedAt ?? ''}`;
      const hit = extracted.get(key);
      if (hit) return hit;
      let text: AttachmentText;
      if ((file.size ?? 0) * 1024 > config().maxAttachmentBytes) {
        text = { id: file.id, name: file.name, tabular: false, segments: [], unreadable: '文件过大，未解析' };
      } else {
        try {
          text = await extractAttachment(file, await service.readFile(file));
        } catch (error) {
          text = { id: file.id, name: file.name, tabular: false, segments: [], unreadable: (error as Error).message.slice(0, 300) };
        }
      }
      if (extracted.size > 200) extracted.clear();
      extracted.set(key, text);
      return text;
    },

    async contentOf(uid: string, row: Row): Promise<DocumentContent> {
      const fields: TextField[] = [];
      for (const { field, rich, blocks } of service.textFieldsOf(uid)) {
        const value = blocks ? blocksText(row[field]) : row[field];
        if (typeof value === 'string' && value) fields.push({ field, value, rich });
      }
      const attachments: AttachmentText[] = [];
      for (const field of service.mediaFieldsOf(uid)) {
        const files = ([] as MediaFile[]).concat(row[field] ?? []).filter(Boolean);
        for (const file of files) attachments.push(await service.attachmentText(file));
      }
      return { fields, attachments };
    },

    /** Scans content (stored or given) and applies the overrides recorded for the document. */
    async scanContent(uid: string, documentId: string, content: DocumentContent, row: Partial<Row> = {}): Promise<ScanOutcome> {
      const started = Date.now();
      const { version, lexicon: compiled } = await lexicon().current();
      const findings = uniqueFindings(scanDocument(content, { lexicon: compiled, allowDomains: config().allowDomains }));
      if (findings.length) {
        const overrides = (await strapi.db.query(UID.override).findMany({ where: { targetUid: uid, targetDocumentId: documentId } })) as Array<{ fingerprint: string; reason: string; overriddenByName: string; createdAt: string }>;
        for (const f of findings) {
          const o = overrides.find((x) => x.fingerprint === f.fingerprint);
          if (o) f.overridden = { by: o.overriddenByName, reason: o.reason, at: new Date(o.createdAt).toISOString() };
        }
      }
      const { code, blocking } = blockingOf(findings);
      return {
        uid,
        documentId,
        title: (row.title as string) ?? null,
        organizationDocumentId: (row.organizationDocumentId as string) ?? null,
        findings,
        blocking,
        code,
        attachmentNotes: content.attachments.filter((a) => a.unreadable).map((a) => ({ id: a.id, name: a.name, note: a.unreadable as string })),
        lexiconVersion: version,
        durationMs: Date.now() - started,
      };
    },

    async scanStored(uid: string, documentId: string, options: { published?: boolean } = {}): Promise<ScanOutcome | null> {
      const row = await service.load(uid, documentId, options);
      if (!row) return null;
      return service.scanContent(uid, documentId, await service.contentOf(uid, row), row);
    },

    /** Stores a scan result; returns the stored row, or with `readBack: false` (a caller that ignores it) only its id. */
    async record(outcome: ScanOutcome, trigger: Trigger, actor: Actor, blocked: boolean, extra: Record<string, unknown> = {}, { readBack = true } = {}) {
      const overridden = outcome.findings.some((f) => f.overridden);
      const result = blocked ? 'blocked' : outcome.blocking.length ? 'reported' : overridden ? 'passed_with_overrides' : 'clean';
      const data = {
        targetUid: outcome.uid,
        targetDocumentId: outcome.documentId,
        targetTitle: outcome.title?.slice(0, 500) ?? null,
        organizationDocumentId: outcome.organizationDocumentId,
        trigger,
        outcome: result,
        blockingCode: outcome.code,
        findingCount: outcome.findings.length,
        blockingCount: outcome.blocking.length,
        // A 10,000-row list can hold tens of thousands of findings: the record keeps the first ones and the counts.
        findings: outcome.findings.slice(0, STORED_FINDINGS_LIMIT),
        findingsTruncated: outcome.findings.length > STORED_FINDINGS_LIMIT,
        attachmentNotes: outcome.attachmentNotes,
        scannedById: actor?.id ?? null,
        scannedByName: actorName(actor),
        lexiconVersion: outcome.lexiconVersion,
        durationMs: outcome.durationMs,
        ...extra,
      };
      if (!readBack) return { id: (await strapi.db.query(UID.scanResult).createMany({ data: [data] })).ids[0] as number };
      return strapi.db.query(UID.scanResult).create({ data });
    },

    /** The 400 that stops publication, listing every finding that is not overridden. */
    refuse(outcome: ScanOutcome): never {
      return refuseFindings(outcome.code!, outcome.blocking.map((f) => ({ ...f, label: FINDING_LABELS[f.type], where: describeLocation(f.location) })));
    },
  };
  return service;
};

export type GateService = ReturnType<typeof gate>;
export default gate;
