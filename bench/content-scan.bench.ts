/**
 * Speed of the content-security scan (not a test): `npx tsx bench/content-scan.bench.ts`.
 * 1. 1 MB of government text (with rich-text markup, numbers of every kind and a few planted
 *    findings) through the whole field scan: HTML structure, personal data, word lists, spliced ads.
 * 2. A 10,000-row subsidy spreadsheet (XLSX written with exceljs) read and scanned cell by cell.
 * Prints one JSON line per measurement; exits 1 when a target is missed (< 200 ms, < 2 s; median of 5 runs).
 */
import ExcelJS from 'exceljs';
import { DEFAULT_WORD_LISTS } from '../plugins/content-security/server/src/core/default-lexicon';
import { Lexicon } from '../plugins/content-security/server/src/core/lexicon';
import { idCheckCharacter } from '../plugins/content-security/server/src/core/personal-data';
import { scanAttachment, scanField } from '../plugins/content-security/server/src/core/scan';
import { extractAttachment } from '../plugins/content-security/server/src/extract';

const TEXT_TARGET_MS = 200;
const SHEET_TARGET_MS = 2000;
const RUNS = 5;

let seed = 0x5eed;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
const validId = () => {
  const first17 = `330106${1950 + Math.floor(random() * 50)}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}${digits(3)}`;
  return first17 + idCheckCharacter(first17);
};

const SENTENCES = [
  '为深入贯彻落实党中央、国务院关于优化营商环境的决策部署，根据国办发〔2021〕12号文件精神，结合本市实际，制定本方案。',
  '索引号：002482162/2026-00031，成文日期：2026-03-02，发布机构：杭州市发展和改革委员会。',
  '全年一般公共预算收入1234567.89万元，比上年增长8.1%，其中税收收入987654.32万元。',
  '咨询电话：0571-87654321，办公地址：杭州市解放东路18号，邮编310020。',
  '各区、县（市）人民政府，市政府各部门、各直属单位：现将《杭州市数字政府建设实施方案》印发给你们，请认真组织实施。',
  '项目编号330106202600001234，合同金额45600000元，工期自2026年4月1日至2027年3月31日。',
  '详见<a href="https://www.hangzhou.gov.cn/art/2026/3/2/art_1.html">杭州市人民政府门户网站</a>。',
];

const megabyteOfText = () => {
  const parts: string[] = [];
  let size = 0;
  let i = 0;
  while (size < 1024 * 1024) {
    let s = pick(SENTENCES);
    if (i % 500 === 0) s += `联系人手机13${digits(9)}。`;
    if (i % 700 === 0) s += `申请人身份证号${validId()}。`;
    if (i % 900 === 0) s += '<span style="display:none"><a href="http://spam.example.com">真人荷官</a></span>';
    const p = `<p>${s}</p>\n`;
    parts.push(p);
    size += Buffer.byteLength(p);
    i++;
  }
  return parts.join('');
};

const spreadsheet = async (rows: number) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('发放名单');
  sheet.addRow(['序号', '姓名', '身份证号', '家庭住址', '联系电话', '补助金额（元）']);
  for (let r = 1; r <= rows; r++) sheet.addRow([r, pick(['王建国', '李秀英', '张伟', '陈静']), validId(), `转塘街道双流村${1 + (r % 9)}组${r % 200}号`, `13${digits(9)}`, 1200]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const main = async () => {
  const lexicon = new Lexicon(DEFAULT_WORD_LISTS.flatMap((l) => l.words.map((word) => ({ word, category: l.category }))));
  const rules = { lexicon, allowDomains: [] };
  let failed = false;

  const text = megabyteOfText();
  scanField({ field: 'body', value: text.slice(0, 100_000), rich: true }, rules); // warm up
  const textTimes: number[] = [];
  let textFindings = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    textFindings = scanField({ field: 'body', value: text, rich: true }, rules).length;
    textTimes.push(performance.now() - t);
  }
  const textMs = median(textTimes);
  console.log(JSON.stringify({ bench: 'scan 1 MB rich text', bytes: Buffer.byteLength(text), findings: textFindings, medianMs: Math.round(textMs), runsMs: textTimes.map(Math.round), targetMs: TEXT_TARGET_MS }));
  if (textMs >= TEXT_TARGET_MS) failed = true;

  const buffer = await spreadsheet(10_000);
  scanAttachment(await extractAttachment({ name: '名单.xlsx' }, buffer), rules); // warm up (the server is long-running)
  const sheetTimes: number[] = [];
  let sheetFindings = 0;
  let extractMs = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const extracted = await extractAttachment({ name: '名单.xlsx' }, buffer);
    extractMs = performance.now() - t;
    sheetFindings = scanAttachment(extracted, rules).length;
    sheetTimes.push(performance.now() - t);
  }
  const sheetMs = median(sheetTimes);
  console.log(JSON.stringify({ bench: 'read and scan a 10,000-row XLSX', bytes: buffer.length, findings: sheetFindings, medianMs: Math.round(sheetMs), lastExtractMs: Math.round(extractMs), runsMs: sheetTimes.map(Math.round), targetMs: SHEET_TARGET_MS }));
  if (sheetMs >= SHEET_TARGET_MS) failed = true;
  process.exit(failed ? 1 : 0);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
