import type { LegalText } from './legal-text';

/**
 * The model: a regulation (规章 or 行政规范性文件), its versions and the events that end its force in
 * whole or in part. Every value is a plain, serialisable object so the Strapi glue can store it as is.
 * Dates are `YYYY-MM-DD` (Asia/Shanghai calendar days).
 */

export const REGULATION_KINDS = ['rule', 'normative_document'] as const;
export type RegulationKind = (typeof REGULATION_KINDS)[number];

export const REGULATION_KIND_LABELS: Record<RegulationKind, string> = {
  rule: '规章',
  normative_document: '行政规范性文件',
};

export const isRegulationKind = (value: unknown): value is RegulationKind => (REGULATION_KINDS as readonly unknown[]).includes(value);

/** 试行 (trial) and 暂行 (interim) documents get a shorter validity period. */
export interface TitleFlags {
  trial: boolean;
  interim: boolean;
}

export interface Regulation {
  kind: RegulationKind;
  title: string;
  /** Given flags win over what the title says (a title may not carry 试行 although the text does). */
  flags?: Partial<TitleFlags> | null;
  /** 发文字号 of the original document. */
  documentNumber?: string | null;
}

export interface RegulationVersion {
  /** 1 for the original, then 2, 3 … in the order the versions were made. */
  versionNumber: number;
  /** A version may change the title (a 试行 document renewed as a standing one); defaults to the regulation's. */
  title?: string | null;
  flags?: Partial<TitleFlags> | null;
  text: LegalText;
  /** 发文字号 and 成文日期 of the act that made this version (the original, an amending decision, the renewal). */
  actDocumentNumber: string;
  actDate: string;
  publishedOn: string;
  effectiveOn: string;
  /**
   * The last day in force (有效期至…, inclusive). For a normative document without one it is derived from
   * the validity-period rules; `openEnded` says the document deliberately has no period.
   */
  expiresOn?: string | null;
  openEnded?: boolean | null;
  /** The version this one amends (修改), by number. A correction is an amendment with `correction`. */
  amends?: number | null;
  /** The version whose validity period this one continues (延续), by number; normative documents only. */
  renews?: number | null;
  correction?: boolean | null;
  /** Drafts are ignored by everything that derives validity; published versions are immutable. */
  draft?: boolean | null;
}

/** The whole regulation repealed (废止/宣布失效) by `documentNumber`, no longer in force from `effectiveOn`. */
export interface RepealEvent {
  type: 'repeal';
  documentNumber: string;
  actDate?: string | null;
  effectiveOn: string;
}

/**
 * Some articles of one version repealed (部分失效) from `effectiveOn`. `versionNumber` defaults to the
 * version in force on that date; a later version stands on its own text and is not partially invalid.
 */
export interface PartialRepealEvent {
  type: 'partial_repeal';
  documentNumber: string;
  actDate?: string | null;
  effectiveOn: string;
  articles: number[];
  versionNumber?: number | null;
}

export type RegulationEvent = RepealEvent | PartialRepealEvent;

export const REGULATION_EVENT_TYPES = ['repeal', 'partial_repeal'] as const;

/** What `title` says: 试行 anywhere ((试行), 试行办法) and 暂行 anywhere (暂行办法, 暂行规定). */
export const detectTitleFlags = (title: string | null | undefined): TitleFlags => ({
  trial: typeof title === 'string' && title.includes('试行'),
  interim: typeof title === 'string' && title.includes('暂行'),
});

const withGiven = (detected: TitleFlags, given: Partial<TitleFlags> | null | undefined): TitleFlags => ({
  trial: typeof given?.trial === 'boolean' ? given.trial : detected.trial,
  interim: typeof given?.interim === 'boolean' ? given.interim : detected.interim,
});

/**
 * The flags of a version (or of the regulation when no version is given): the version's own flags or
 * own title first (a renewal may drop 试行 from the title), then the regulation's flags, then its title.
 */
export const flagsOf = (regulation: Regulation, version?: RegulationVersion | null): TitleFlags => {
  if (version?.title && version.title !== regulation.title) return withGiven(detectTitleFlags(version.title), version.flags);
  const ofRegulation = withGiven(detectTitleFlags(regulation.title), regulation.flags);
  return version ? withGiven(ofRegulation, version.flags) : ofRegulation;
};

export const isProvisional = (flags: TitleFlags): boolean => flags.trial || flags.interim;

/** The version a version replaces (amends or renews), if any. */
export const predecessorOf = (version: RegulationVersion): number | null => {
  if (typeof version.amends === 'number') return version.amends;
  if (typeof version.renews === 'number') return version.renews;
  return null;
};

export const publishedVersions = (versions: readonly RegulationVersion[]): RegulationVersion[] => versions.filter((version) => !version.draft);

/** A regulation with everything its validity depends on: how the glue hands the core one regulation. */
export interface RegulationRecord<R extends Regulation = Regulation> {
  regulation: R;
  versions: RegulationVersion[];
  events: RegulationEvent[];
}
