/** UIDs and names the content-security plugin relies on. */
export const PLUGIN_ID = 'content-security';

export const UID = {
  scanResult: 'plugin::content-security.scan-result',
  override: 'plugin::content-security.finding-override',
  wordList: 'plugin::content-security.word-list',
  maskRecord: 'plugin::content-security.mask-record',
  item: 'api::disclosure-item.disclosure-item',
  regulationVersion: 'plugin::regulation-versions.regulation-version',
} as const;

export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.results.read`,
  scan: `plugin::${PLUGIN_ID}.documents.scan`,
  mask: `plugin::${PLUGIN_ID}.documents.mask`,
  override: `plugin::${PLUGIN_ID}.findings.override`,
  rescan: `plugin::${PLUGIN_ID}.rescan.run`,
} as const;

/** Every disclosure content type, including those of plugins still being built: UIDs not registered are skipped. */
export const DEFAULT_GATED_CONTENT_TYPES = [
  'api::disclosure-item.disclosure-item',
  'plugin::regulation-versions.regulation',
  'plugin::regulation-versions.regulation-version',
  'plugin::policy-linkage.interpretation',
];

/** Text attributes that are identifiers the system writes, not text anyone publishes. */
export const SKIPPED_FIELDS = new Set(['indexNumber', 'organizationDocumentId', 'regionPath', 'releasedByName', 'locale']);

/** The plugin's own records are written by its services only (audit evidence). */
export const OWN_RECORDS: string[] = [UID.scanResult, UID.override, UID.maskRecord];
