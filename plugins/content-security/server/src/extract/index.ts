import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { Worker } from 'worker_threads';
import type { AttachmentSegment, AttachmentText } from '../core/scan';

/**
 * Text of an attachment, each piece with its place: CSV and XLSX cells by sheet, row and column
 * (csv-parse, exceljs), DOCX paragraphs by line (mammoth), PDF text by page and line (pdf-parse).
 * Formats that carry no readable text (images, archives) are returned without segments.
 */

export const columnLetter = (index: number): string => {
  let n = index;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

export type AttachmentKind = 'csv' | 'xlsx' | 'docx' | 'pdf' | 'text' | null;

export const kindOf = (name: string, mime?: string | null): AttachmentKind => {
  const ext = (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? '').toLowerCase();
  if (ext === 'csv' || mime === 'text/csv') return 'csv';
  if (ext === 'xlsx' || mime === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'xlsx';
  if (ext === 'docx' || mime === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return 'docx';
  if (ext === 'pdf' || mime === 'application/pdf') return 'pdf';
  if (ext === 'txt' || ext === 'md' || ext === 'html' || ext === 'htm') return 'text';
  return null;
};

const csvSegments = (buffer: Buffer): AttachmentSegment[] => {
  const rows = parseCsv(buffer, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
  const segments: AttachmentSegment[] = [];
  rows.forEach((cells, r) => cells.forEach((text, c) => text && segments.push({ text, row: r + 1, column: columnLetter(c + 1) })));
  return segments;
};

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : String(value);
  if (typeof value === 'boolean') return '';
  if (value instanceof Date) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('hyperlink' in value) return String((value as { hyperlink: string }).hyperlink);
  }
  return '';
};

const xlsxSegments = async (buffer: Buffer): Promise<AttachmentSegment[]> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as never);
  const segments: AttachmentSegment[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const text = cellText(cell.value);
        if (text) segments.push({ text, sheet: sheet.name, row: rowNumber, column: columnLetter(colNumber) });
      });
    });
  });
  return segments;
};

const lineSegments = (text: string, page?: number): AttachmentSegment[] =>
  text.split(/\r?\n/).flatMap((line, i) => (line.trim() ? [{ text: line, line: i + 1, ...(page ? { page } : {}) }] : []));

const docxSegments = async (buffer: Buffer): Promise<AttachmentSegment[]> => {
  const { value } = await mammoth.extractRawText({ buffer });
  // mammoth ends every paragraph with a blank line; number paragraphs, not raw lines.
  return value
    .split(/\n\n/)
    .flatMap((paragraph, i) => (paragraph.trim() ? [{ text: paragraph.replace(/\n/g, ' '), line: i + 1 }] : []));
};

/**
 * pdf.js (inside pdf-parse) runs in a worker thread: an untrusted PDF never blocks the event loop,
 * and pdf.js's own worker module is loaded by Node's native loader wherever the server runs.
 */
const PDF_WORKER = `
const { parentPort, workerData } = require('worker_threads');
(async () => {
  const { PDFParse } = require(workerData.modulePath);
  const parser = new PDFParse({ data: workerData.data });
  try {
    const result = await parser.getText();
    parentPort.postMessage({ pages: result.pages.map((p) => ({ num: p.num, text: p.text })) });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  } finally {
    await parser.destroy();
  }
})();
`;

const PDF_TIMEOUT_MS = 30_000;

const pdfPages = (buffer: Buffer): Promise<Array<{ num: number; text: string }>> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(PDF_WORKER, { eval: true, workerData: { modulePath: require.resolve('pdf-parse'), data: new Uint8Array(buffer) } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error('PDF 解析超时'));
    }, PDF_TIMEOUT_MS);
    worker.once('message', (message: { pages?: Array<{ num: number; text: string }>; error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (message.error) reject(new Error(message.error));
      else resolve(message.pages ?? []);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });

const pdfSegments = async (buffer: Buffer): Promise<AttachmentSegment[]> => (await pdfPages(buffer)).flatMap((page) => lineSegments(page.text, page.num));

export const extractAttachment = async (file: { id?: number; name: string; mime?: string | null }, buffer: Buffer): Promise<AttachmentText> => {
  const kind = kindOf(file.name, file.mime);
  const base = { ...(file.id !== undefined ? { id: file.id } : {}), name: file.name };
  try {
    switch (kind) {
      case 'csv':
        return { ...base, tabular: true, segments: csvSegments(buffer) };
      case 'xlsx':
        return { ...base, tabular: true, segments: await xlsxSegments(buffer) };
      case 'docx':
        return { ...base, tabular: false, segments: await docxSegments(buffer) };
      case 'pdf':
        return { ...base, tabular: false, segments: await pdfSegments(buffer) };
      case 'text':
        return { ...base, tabular: false, segments: lineSegments(buffer.toString('utf8')) };
      default:
        return { ...base, tabular: false, segments: [] };
    }
  } catch (error) {
    return { ...base, tabular: false, segments: [], unreadable: `${kind ?? 'file'}: ${(error as Error).message}`.slice(0, 300) };
  }
};
