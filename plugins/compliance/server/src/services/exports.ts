import type { Core } from '@strapi/strapi';
import ExcelJS from 'exceljs';
import { NARRATIVE_SECTIONS, REVIEW_KINDS, REVIEW_OUTCOMES, table2Rows, type Narrative, type ReportFigures } from '../core/annual-report';

type ReportView = { reportYear: number; templateVersion: string; scopeName: string; narrative: Narrative; figures: ReportFigures };

/** The annual report as an XLSX workbook (exceljs): one sheet per table and one for the text. */
const exportsService = (_: { strapi: Core.Strapi }) => ({
  async xlsx(report: ReportView): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = '政务公开管理平台';
    workbook.created = new Date();
    const title = `${report.scopeName}${report.reportYear}年政府信息公开工作年度报告`;
    const bold = (row: ExcelJS.Row) => { row.font = { bold: true }; };

    const text = workbook.addWorksheet('报告正文');
    text.columns = [{ width: 30 }, { width: 100 }];
    bold(text.addRow([title]));
    text.addRow(['格式版本', report.templateVersion]);
    for (const section of NARRATIVE_SECTIONS) text.addRow([`${section.ordinal}、${section.title}`, report.narrative?.[section.key] ?? '']);

    const t2 = workbook.addWorksheet('表二 主动公开');
    t2.columns = [{ header: '信息内容', width: 22 }, { header: '类别', width: 24 }, { header: '本年制发件数', width: 14 }, { header: '本年废止件数', width: 14 }, { header: '现行有效件数', width: 14 }, { header: '指标', width: 26 }, { header: '数值', width: 12 }];
    bold(t2.getRow(1));
    for (const row of table2Rows(report.figures.table2)) {
      if ('value' in row) t2.addRow([row.section, row.label, null, null, null, row.unit, row.value]);
      else t2.addRow([row.section, row.label, row.made, row.repealed, row.currentlyValid, null, null]);
    }

    const t3 = workbook.addWorksheet('表三 依申请公开');
    if (report.figures.table3) {
      const { rows, columns, cells } = report.figures.table3;
      bold(t3.addRow(['序号', '项目', ...columns.map((c) => c.label)]));
      t3.addRow(['', 'key', ...columns.map((c) => c.key)]).hidden = true;
      for (const row of rows) t3.addRow([row.ordinal, row.label, ...columns.map((c) => cells[row.key]?.[c.key] ?? 0)]);
      t3.getColumn(2).width = 50;
    } else t3.addRow(['依申请公开数据不可用（时限插件未启用）']);

    const t4 = workbook.addWorksheet('表四 复议诉讼');
    bold(t4.addRow(['类别', ...REVIEW_OUTCOMES.map((o) => o.label)]));
    for (const kind of REVIEW_KINDS) t4.addRow([kind.label, ...REVIEW_OUTCOMES.map((o) => report.figures.table4[kind.key][o.key])]);
    t4.getColumn(1).width = 30;

    return Buffer.from(await workbook.xlsx.writeBuffer());
  },
});

export type ExportsService = ReturnType<typeof exportsService>;
export default exportsService;
