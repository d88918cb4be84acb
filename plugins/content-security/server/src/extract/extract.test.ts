import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { columnLetter, extractAttachment, kindOf } from './index';

const ID = '11010519491231002X';

/** A one-page PDF with one line of text per entry (Helvetica, ASCII), xref offsets computed. */
const pdfWith = (lines: string[]) => {
  const stream = `BT /F1 12 Tf 72 720 Td 14 TL ${lines.map((l) => `(${l}) Tj T*`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
};

/** A minimal DOCX (WordprocessingML in a zip) with one paragraph per entry. */
const docxWith = async (paragraphs: string[]) => {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
};

describe('attachment text extraction', () => {
  it('knows the formats by extension or MIME type and names columns like a spreadsheet', () => {
    expect(['a.csv', 'a.XLSX', 'a.docx', 'a.pdf', 'a.png'].map((n) => kindOf(n))).toEqual(['csv', 'xlsx', 'docx', 'pdf', null]);
    expect(kindOf('upload', 'application/pdf')).toBe('pdf');
    expect([1, 26, 27, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AAA']);
  });

  it('reads CSV cells with their row and column', async () => {
    const text = await extractAttachment({ name: '名单.csv' }, Buffer.from(`\ufeff姓名,身份证号\n张三,${ID}\n`));
    expect(text.tabular).toBe(true);
    expect(text.segments).toContainEqual({ text: ID, row: 2, column: 'B' });
  });

  it('reads XLSX cells with their sheet, row and column', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('第一批').addRows([['姓名', '身份证号'], ['张三', ID]]);
    const text = await extractAttachment({ id: 3, name: '名单.xlsx' }, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(text).toMatchObject({ id: 3, tabular: true });
    expect(text.segments).toContainEqual({ text: ID, sheet: '第一批', row: 2, column: 'B' });
  });

  it('reads DOCX paragraphs with their number', async () => {
    const text = await extractAttachment({ name: '公示.docx' }, await docxWith(['公示名单如下：', `张三 ${ID}`]));
    expect(text.segments).toEqual([{ text: '公示名单如下：', line: 1 }, { text: `张三 ${ID}`, line: 2 }]);
  });

  it('reads PDF text with its page and line', async () => {
    const text = await extractAttachment({ name: 'list.pdf' }, pdfWith(['Subsidy list', `Zhang San ${ID}`]));
    expect(text.unreadable).toBeUndefined();
    const hit = text.segments.find((s) => s.text.includes(ID));
    expect(hit).toMatchObject({ page: 1, line: 2 });
  });

  it('reports a broken file as unreadable instead of failing the scan', async () => {
    const text = await extractAttachment({ name: 'broken.xlsx' }, Buffer.from('not a zip'));
    expect(text.segments).toEqual([]);
    expect(text.unreadable).toMatch(/^xlsx: /);
  });
});
