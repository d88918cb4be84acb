/**
 * The annual report (政府信息公开工作年度报告) in the format of 国办公开办函〔2021〕30号. Pure: the
 * template of a report year, the figures' cross-checks, the workflow and the HTML rendering. A report
 * keeps the template version it was made with, so a later format change leaves old reports intact.
 */

export type ReportStage = 'draft' | 'submitted' | 'approved' | 'published';
export const REPORT_STAGE_LABELS: Record<ReportStage, string> = { draft: '草稿', submitted: '已提交', approved: '已审核', published: '已发布' };

export class ComplianceError extends Error {
  constructor(public code: string, message: string, public field?: string, public value?: unknown) {
    super(message);
  }
}

/** Template versions by first report year; a year before the first template is refused. */
export const TEMPLATES = [{ version: '2021', fromYear: 2021, basis: '国办公开办函〔2021〕30号' }] as const;

export const templateFor = (year: number) => {
  const template = [...TEMPLATES].reverse().find((t) => year >= t.fromYear);
  if (!template) throw new ComplianceError('REPORT_YEAR_UNSUPPORTED', `${year} 年度报告使用 2019 年试行格式，本系统只支持 2021 年起的格式`, 'year', year);
  return template;
};

export const NARRATIVE_SECTIONS = [
  { key: 'overview', ordinal: '一', title: '总体情况' },
  { key: 'problems', ordinal: '五', title: '存在的主要问题及改进情况' },
  { key: 'otherMatters', ordinal: '六', title: '其他需要报告的事项' },
] as const;
export type NarrativeKey = (typeof NARRATIVE_SECTIONS)[number]['key'];
export type Narrative = Partial<Record<NarrativeKey, string>>;

/** Table 2: 主动公开政府信息情况. */
export interface Table2 {
  rules: { made: number; repealed: number; currentlyValid: number } | null;
  normativeDocuments: { made: number; repealed: number; currentlyValid: number } | null;
  licensingDecisions: number;
  penaltyDecisions: number;
  enforcementDecisions: number;
  /** 行政事业性收费金额（万元）, entered by the drafter. */
  feesWanYuan: number;
}

export interface Table3 {
  rows: Array<{ key: string; ordinal: string; label: string }>;
  columns: Array<{ key: string; label: string }>;
  cells: Record<string, Record<string, number>>;
}

export const REVIEW_KINDS = [
  { key: 'administrative_review', label: '行政复议' },
  { key: 'litigation_direct', label: '行政诉讼（未经复议直接起诉）' },
  { key: 'litigation_after_review', label: '行政诉讼（复议后起诉）' },
] as const;
export const REVIEW_OUTCOMES = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number]['key'];
export type ReviewOutcome = Exclude<(typeof REVIEW_OUTCOMES)[number]['key'], 'total'>;
/** Table 4: kind → outcome (with total) → count. */
export type Table4 = Record<ReviewKind, Record<ReviewOutcome | 'total', number>>;

export const buildTable4 = (rows: Array<{ kind: string; outcome: string; n: number }>): Table4 => {
  const table = Object.fromEntries(REVIEW_KINDS.map((k) => [k.key, Object.fromEntries(REVIEW_OUTCOMES.map((o) => [o.key, 0]))])) as Table4;
  for (const row of rows) {
    const line = table[row.kind as ReviewKind];
    if (!line || !(row.outcome in line) || row.outcome === 'total') continue;
    line[row.outcome as ReviewOutcome] += row.n;
    line.total += row.n;
  }
  return table;
};

export interface ReportFigures {
  table2: Table2;
  table3: Table3 | null;
  table4: Table4;
}

export interface Violation {
  code: string;
  table: 'table2' | 'table3' | 'table4';
  message: string;
  at?: string;
}

/**
 * Cross-checks before submission: every count whole and not negative; table 3: new + carried in =
 * handled total + carried out in every column, and each row's total column = the sum of applicant
 * types; table 4: each line's total = the sum of its outcomes.
 */
export const crossCheck = (figures: ReportFigures): Violation[] => {
  const violations: Violation[] = [];
  const t2 = figures.table2;
  const counts: Array<[string, number | undefined]> = [
    ['licensingDecisions', t2.licensingDecisions],
    ['penaltyDecisions', t2.penaltyDecisions],
    ['enforcementDecisions', t2.enforcementDecisions],
    ...(['rules', 'normativeDocuments'] as const).flatMap((k) => Object.entries(t2[k] ?? {}).map(([f, v]) => [`${k}.${f}`, v] as [string, number])),
  ];
  for (const [at, value] of counts) {
    if (!Number.isInteger(value) || (value as number) < 0) violations.push({ code: 'COUNT_INVALID', table: 'table2', at, message: `表二 ${at} 应为非负整数（当前为 ${value}）` });
  }
  if (!(typeof t2.feesWanYuan === 'number' && t2.feesWanYuan >= 0 && Number.isFinite(t2.feesWanYuan))) {
    violations.push({ code: 'FEES_INVALID', table: 'table2', at: 'feesWanYuan', message: `表二 行政事业性收费金额应为非负数（当前为 ${t2.feesWanYuan}）` });
  }

  const t3 = figures.table3;
  if (t3) {
    const cell = (row: string, column: string) => Number(t3.cells[row]?.[column] ?? 0);
    const typeColumns = t3.columns.map((c) => c.key).filter((k) => k !== 'total');
    for (const column of t3.columns) {
      const left = cell('new_this_year', column.key) + cell('carried_in', column.key);
      const right = cell('handled_total', column.key) + cell('carried_out', column.key);
      if (left !== right) {
        violations.push({ code: 'APPLICATION_BALANCE', table: 'table3', at: column.key, message: `表三「${column.label}」列：本年新收 + 上年结转 = ${left}，办理结果总计 + 结转下年度 = ${right}，两者不相等` });
      }
    }
    for (const row of t3.rows) {
      const sum = typeColumns.reduce((s, k) => s + cell(row.key, k), 0);
      if (sum !== cell(row.key, 'total')) {
        violations.push({ code: 'ROW_TOTAL', table: 'table3', at: row.key, message: `表三「${row.label}」行：各类申请人合计 ${sum}，总计列为 ${cell(row.key, 'total')}` });
      }
    }
  }

  for (const kind of REVIEW_KINDS) {
    const line = figures.table4[kind.key];
    const sum = (['upheld', 'corrected', 'other', 'pending'] as const).reduce((s, o) => s + Number(line?.[o] ?? 0), 0);
    if (sum !== Number(line?.total ?? 0)) violations.push({ code: 'REVIEW_TOTAL', table: 'table4', at: kind.key, message: `表四「${kind.label}」：各项结果合计 ${sum}，总计为 ${line?.total}` });
  }
  return violations;
};

/** Workflow: draft → submitted → approved → published; a submitted or approved report may be returned to draft. */
export const TRANSITIONS: Record<string, { from: ReportStage[]; to: ReportStage }> = {
  submit: { from: ['draft'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted', 'approved'], to: 'draft' },
  publish: { from: ['approved'], to: 'published' },
};

export const transition = (stage: ReportStage, action: keyof typeof TRANSITIONS, violations: Violation[] = []): ReportStage => {
  const rule = TRANSITIONS[action];
  if (!rule) throw new ComplianceError('REPORT_ACTION_UNKNOWN', `未知操作 ${action}`, 'action', action);
  if (!rule.from.includes(stage)) {
    throw new ComplianceError('REPORT_STAGE_INVALID', `报告当前为「${REPORT_STAGE_LABELS[stage]}」，不能执行该操作`, 'stage', stage);
  }
  if (action === 'submit' && violations.length) {
    throw new ComplianceError('REPORT_CROSS_CHECK_FAILED', `报告有 ${violations.length} 处校验未通过：${violations[0].message}`, 'figures');
  }
  return rule.to;
};

const escapeHtml = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
const paragraphs = (text: string | undefined) =>
  (text ?? '').split(/\n+/).filter(Boolean).map((p) => `<p>${escapeHtml(p)}</p>`).join('') || '<p>（无）</p>';

export interface ReportForRendering {
  reportYear: number;
  templateVersion: string;
  scopeName: string;
  narrative: Narrative;
  figures: ReportFigures;
}

/** Table 2 rows in the 2021 layout: [label, made, repealed, currently valid] or [label, single figure]. */
export const table2Rows = (t2: Table2) => [
  { section: '第二十条第（一）项', label: '规章', made: t2.rules?.made ?? null, repealed: t2.rules?.repealed ?? null, currentlyValid: t2.rules?.currentlyValid ?? null },
  { section: '第二十条第（一）项', label: '行政规范性文件', made: t2.normativeDocuments?.made ?? null, repealed: t2.normativeDocuments?.repealed ?? null, currentlyValid: t2.normativeDocuments?.currentlyValid ?? null },
  { section: '第二十条第（五）项', label: '行政许可', value: t2.licensingDecisions, unit: '本年处理决定数量' },
  { section: '第二十条第（六）项', label: '行政处罚', value: t2.penaltyDecisions, unit: '本年处理决定数量' },
  { section: '第二十条第（六）项', label: '行政强制及其他执法决定', value: t2.enforcementDecisions, unit: '本年处理决定数量' },
  { section: '第二十条第（八）项', label: '行政事业性收费', value: t2.feesWanYuan, unit: '本年收费金额（单位：万元）' },
];

export const renderReportHtml = (report: ReportForRendering) => {
  const { figures } = report;
  const title = `${escapeHtml(report.scopeName)}${report.reportYear}年政府信息公开工作年度报告`;
  const t2 = table2Rows(figures.table2)
    .map((r) =>
      'value' in r
        ? `<tr><td>${escapeHtml(r.section)}</td><td>${escapeHtml(r.label)}</td><td colspan="3">${escapeHtml(r.unit)}：${escapeHtml(r.value)}</td></tr>`
        : `<tr><td>${escapeHtml(r.section)}</td><td>${escapeHtml(r.label)}</td><td>${escapeHtml(r.made ?? '不适用')}</td><td>${escapeHtml(r.repealed ?? '不适用')}</td><td>${escapeHtml(r.currentlyValid ?? '不适用')}</td></tr>`
    )
    .join('');
  const t3 = figures.table3
    ? `<table border="1"><thead><tr><th colspan="2">本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和</th>${figures.table3.columns.map((c) => `<th>${escapeHtml(c.label)}</th>`).join('')}</tr></thead><tbody>${figures.table3.rows
        .map((r) => `<tr><td>${escapeHtml(r.ordinal)}</td><td>${escapeHtml(r.label)}</td>${figures.table3!.columns.map((c) => `<td>${escapeHtml(figures.table3!.cells[r.key]?.[c.key] ?? 0)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`
    : '<p>（依申请公开数据不可用）</p>';
  const t4 = `<table border="1"><thead><tr>${REVIEW_KINDS.map((k) => `<th colspan="5">${escapeHtml(k.label)}</th>`).join('')}</tr><tr>${REVIEW_KINDS.map(() => REVIEW_OUTCOMES.map((o) => `<th>${escapeHtml(o.label)}</th>`).join('')).join('')}</tr></thead><tbody><tr>${REVIEW_KINDS.map((k) => REVIEW_OUTCOMES.map((o) => `<td>${figures.table4[k.key][o.key]}</td>`).join('')).join('')}</tr></tbody></table>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>
<h1>${title}</h1>
<p class="template">格式：${escapeHtml(report.templateVersion)} 版（${escapeHtml(templateFor(report.reportYear).basis)}）</p>
<h2>一、总体情况</h2>${paragraphs(report.narrative.overview)}
<h2>二、主动公开政府信息情况</h2><table border="1"><thead><tr><th>信息内容</th><th>类别</th><th>本年制发件数</th><th>本年废止件数</th><th>现行有效件数</th></tr></thead><tbody>${t2}</tbody></table>
<h2>三、收到和处理政府信息公开申请情况</h2>${t3}
<h2>四、政府信息公开行政复议、行政诉讼情况</h2>${t4}
<h2>五、存在的主要问题及改进情况</h2>${paragraphs(report.narrative.problems)}
<h2>六、其他需要报告的事项</h2>${paragraphs(report.narrative.otherMatters)}
</body></html>`;
};
