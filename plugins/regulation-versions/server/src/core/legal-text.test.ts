import { articleNumbers, hasArticles, isEmptyText, parseLegalText, renderLegalText } from './legal-text';

const SOURCE = `某市政府信息公开规定

第一章　总　则
第一条　为了保障公民、法人和其他组织依法获取政府信息，制定本规定。
第二条　本规定所称政府信息，是指行政机关在履行行政管理职能过程中制作或者获取的信息。
第二章　公开的主体和范围
第一节 主动公开
第三条　行政机关应当主动公开下列政府信息：
（一）行政法规、规章和规范性文件；
（二）机关职能、机构设置。
第三条规定以外的信息，依申请公开。
第二十一条　本规定自2024年1月1日起施行。`;

describe('parsing Chinese legal text', () => {
  it('finds chapters, sections, articles and paragraphs', () => {
    const text = parseLegalText(SOURCE);
    expect(text.preamble).toEqual(['某市政府信息公开规定']);
    expect(articleNumbers(text)).toEqual([1, 2, 3, 21]);
    expect(text.articles[0]).toEqual({
      number: 1,
      label: '第一条',
      chapter: { number: 1, label: '第一章', title: '总则' },
      paragraphs: ['为了保障公民、法人和其他组织依法获取政府信息，制定本规定。'],
    });
    expect(text.articles[2].chapter).toEqual({ number: 2, label: '第二章', title: '公开的主体和范围' });
    expect(text.articles[2].section).toEqual({ number: 1, label: '第一节', title: '主动公开' });
    // A paragraph starting with a cross-reference stays in its article.
    expect(text.articles[2].paragraphs).toEqual(['行政机关应当主动公开下列政府信息：', '（一）行政法规、规章和规范性文件；', '（二）机关职能、机构设置。', '第三条规定以外的信息，依申请公开。']);
    expect(text.articles[3]).toMatchObject({ number: 21, label: '第二十一条', paragraphs: ['本规定自2024年1月1日起施行。'] });
  });

  it('accepts labels without the space when the number is next in sequence, and Arabic numbers', () => {
    const text = parseLegalText('第1条 总则条文。\r\n第二条本条没有空格。\n第五条规定的事项除外。');
    expect(articleNumbers(text)).toEqual([1, 2]);
    expect(text.articles[1].paragraphs).toEqual(['本条没有空格。', '第五条规定的事项除外。']);
  });

  it('keeps a text without articles as one block of paragraphs', () => {
    const text = parseLegalText('各区人民政府：\n\n  现将有关事项通知如下。\n一、加强领导。\n');
    expect(text).toEqual({ preamble: ['各区人民政府：', '现将有关事项通知如下。', '一、加强领导。'], articles: [] });
    expect(hasArticles(text)).toBe(false);
    expect(isEmptyText(text)).toBe(false);
    expect(isEmptyText(parseLegalText(' \n\u3000\n'))).toBe(true);
  });

  it('renders back to text that parses to the same structure', () => {
    const text = parseLegalText(SOURCE);
    const rendered = renderLegalText(text);
    expect(rendered.split('\n').slice(0, 4)).toEqual(['某市政府信息公开规定', '第一章　总则', '第一条　为了保障公民、法人和其他组织依法获取政府信息，制定本规定。', '第二条　本规定所称政府信息，是指行政机关在履行行政管理职能过程中制作或者获取的信息。']);
    expect(parseLegalText(rendered)).toEqual(text);
  });
});
