import { DEFAULT_WORD_LISTS } from './default-lexicon';
import { blockingOf } from './findings';
import { analyseHtml, hiddenReason, isAllowedHost } from './html';
import { Lexicon } from './lexicon';
import { maskText } from './mask';
import { idCheckCharacter } from './personal-data';
import { scanDocument, scanField, scanText } from './scan';

const lexicon = new Lexicon(DEFAULT_WORD_LISTS.flatMap((l) => l.words.map((word) => ({ word, category: l.category }))));
const rules = { lexicon, allowDomains: ['zj.gov.cn', 'hangzhou.com.cn'], today: new Date('2026-06-01T00:00:00Z') };
const ID = '33010619900307123' + idCheckCharacter('33010619900307123');

describe('lexicon (Aho–Corasick over the word lists)', () => {
  it('finds listed words, also typed with spaces, dashes or full-width letters, with their offsets', () => {
    const text = '近日，某网站出现“真人 荷 官”和“注册-送-彩金”字样。';
    const hits = lexicon.search(text);
    expect(hits.map((h) => [h.word, h.category])).toEqual([['真人荷官', 'gambling'], ['注册送彩金', 'gambling'], ['彩金', 'gambling']]);
    expect(text.slice(hits[0].start, hits[0].end)).toBe('真人 荷 官');
  });
  it('drops words inside an allowed phrase', () => {
    expect(lexicon.search('山东半岛体育产业发展').filter((h) => h.category === 'brand')).toEqual([]);
  });
});

describe('spliced advertising', () => {
  it('finds a brand glued to 体育/app/下载 in the middle of a government sentence', () => {
    const findings = scanText('为深入推进营商环境优化，开云体育app下载，切实提升政务服务水平。', { field: 'body' }, rules);
    expect(findings.map((f) => [f.type, f.code, f.detail])).toEqual([['ad_splice', 'SPAM_CONTENT_FOUND', 'brand_suffix']]);
    expect(findings[0].preview).toContain('【开云体育app下载】');
  });
  it('finds Latin brands and 澳门…娱乐 phrases but not file formats or government apps', () => {
    expect(scanText('欢迎访问KY体育官网', {}, rules).map((f) => f.detail)).toEqual(['latin_brand_suffix']);
    expect(scanText('澳门威尼斯人娱乐城开业', {}, rules).some((f) => f.code === 'SPAM_CONTENT_FOUND')).toBe(true);
    expect(scanText('附件PDF下载；请下载浙里办APP办理；5G平台建设；全民体育健身；学校体育工作', {}, rules)).toEqual([]);
  });
});

describe('HTML structure', () => {
  it.each([
    ['<div style="display:none"><a href="http://bc.example.com">x</a></div>', 'display_none'],
    ['<p style="visibility: hidden">澳门</p>', 'visibility_hidden'],
    ['<div style="position:absolute;left:-9999px">spam</div>', 'off_screen'],
    ['<span style="font-size:0">spam</span>', 'tiny_font'],
    ['<span style="font-size:1px">spam</span>', 'tiny_font'],
    ['<span style="color:#fff">spam</span>', 'same_colour_as_background'],
    ['<div style="background:#000"><span style="color:rgb(0,0,0)">spam</span></div>', 'same_colour_as_background'],
    ['<marquee>spam</marquee>', 'marquee'],
    ['<style>.x{display:none}</style><div class="x">spam</div>', 'display_none'],
  ])('%s is hidden (%s)', (html, reason) => {
    expect(analyseHtml(html).hidden.map((h) => h.reason)).toEqual([reason]);
  });
  it('visible styling is not hidden', () => {
    expect(analyseHtml('<p style="color:#333;font-size:16px">正文</p><span style="color:red">注意</span>').hidden).toEqual([]);
    expect(hiddenReason('span', {}, { color: '#000' }, null)).toBeNull();
  });
  it('allows gov.cn and configured domains only', () => {
    expect(isAllowedHost('www.zj.gov.cn', [])).toBe(true);
    expect(isAllowedHost('gov.cn.evil.com', [])).toBe(false);
    expect(isAllowedHost('news.hangzhou.com.cn', ['hangzhou.com.cn'])).toBe(true);
  });
  it('reports a hidden link as a hidden element and an external link, with its line', () => {
    const body = '<p>第一段。</p>\n<p>全市经济运行平稳<span style="display:none"><a href="https://www.bet-example.com">体育投注</a></span>。</p>';
    const findings = scanField({ field: 'body', value: body, rich: true }, rules);
    expect(findings.map((f) => f.type).sort()).toEqual(['external_link', 'hidden_element', 'lexicon']);
    const { code, blocking } = blockingOf(findings);
    expect(code).toBe('SPAM_CONTENT_FOUND');
    expect(blocking).toHaveLength(3);
    expect(findings.find((f) => f.type === 'external_link')?.detail).toBe('www.bet-example.com');
  });
  it('markdown links are checked too', () => {
    expect(scanField({ field: 'body', value: '详见[通知](https://www.zj.gov.cn/a.html)和[这里](http://spam.example.net)', rich: true }, rules).map((f) => f.detail)).toEqual(['spam.example.net']);
  });
});

describe('documents and attachments', () => {
  it('locates findings in attachments by sheet, row and column', () => {
    const findings = scanDocument(
      {
        fields: [{ field: 'title', value: '2026年高龄津贴发放名单公示' }],
        attachments: [{ id: 7, name: '名单.xlsx', tabular: true, segments: [{ text: '张三', sheet: '名单', row: 2, column: 'A' }, { text: ID, sheet: '名单', row: 2, column: 'B' }, { text: '300.00', sheet: '名单', row: 2, column: 'C' }] }],
      },
      rules
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ type: 'id_number', code: 'PERSONAL_DATA_FOUND', location: { attachment: { id: 7, name: '名单.xlsx' }, sheet: '名单', row: 2, column: 'B' }, preview: `33*************${ID.slice(-3)}` });
    expect(JSON.stringify(findings)).not.toContain(ID);
  });
  it('gives the same fingerprint for the same finding in a later scan', () => {
    const a = scanText(`身份证 ${ID}`, { field: 'body' }, rules)[0];
    const b = scanText(`前面加了一段文字。身份证 ${ID}`, { field: 'body' }, rules)[0];
    expect(a.fingerprint).toBe(b.fingerprint);
  });
});

describe('mask and publish', () => {
  it('masks IDs, mobiles and the names in the same table row', () => {
    const body = `<table><tr><td>姓名</td><td>身份证号</td></tr><tr><td>王小明</td><td>${ID}</td></tr></table>\n联系人：李四，电话13812341234`;
    const { text, masked } = maskText('body', body, { rich: true });
    expect(text).toContain(`<td>王*明</td><td>33*************${ID.slice(-3)}</td>`);
    expect(text).toContain('<td>姓名</td>');
    expect(text).toContain('联系人：李*，电话138****1234');
    expect(masked.map((m) => m.type).sort()).toEqual(['id_number', 'mobile', 'name', 'name']);
    expect(scanField({ field: 'body', value: text, rich: true }, rules)).toEqual([]);
  });
});
