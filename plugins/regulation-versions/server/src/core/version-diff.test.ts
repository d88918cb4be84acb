import { parseLegalText } from './legal-text';
import { diffParagraphs, diffVersions } from './version-diff';

const v1 = {
  versionNumber: 1,
  title: '某市政府信息公开办法（试行）',
  text: parseLegalText(
    [
      '第一章　总则',
      '第一条　为了规范政府信息公开工作，制定本办法。',
      '第二条　本办法适用于本市各级行政机关。',
      '第三条　行政机关应当在二十个工作日内答复。',
      '第二章　附则',
      '第四条　行政机关可以收取检索、复制、邮寄等费用。',
      '第五条　本办法自2020年1月1日起施行。',
    ].join('\n')
  ),
};
const v2 = {
  versionNumber: 2,
  title: '某市政府信息公开办法',
  text: parseLegalText(
    [
      '第一章　总则',
      '第一条　为了规范政府信息公开工作，制定本办法。',
      '第二条　本办法适用于本市各级行政机关和法律、法规授权的组织。',
      '第三条　行政机关应当建立健全政府信息公开工作制度。',
      '第四条　行政机关应当在二十个工作日内答复。',
      '第二章　附则',
      '第五条　本办法自2024年1月1日起施行。',
    ].join('\n')
  ),
};

const added = (parts: { value: string; added?: true }[]) => parts.filter((p) => p.added).map((p) => p.value).join('');
const removed = (parts: { value: string; removed?: true }[]) => parts.filter((p) => p.removed).map((p) => p.value).join('');

describe('diff between two versions', () => {
  const diff = diffVersions(v1, v2);

  it('lists articles added, removed, changed, unchanged and renumbered, in reading order', () => {
    expect(diff.articles.map((a) => [a.status, a.previousNumber, a.number, a.renumbered])).toEqual([
      ['unchanged', 1, 1, false],
      ['changed', 2, 2, false],
      ['added', null, 3, false],
      ['unchanged', 3, 4, true],
      ['removed', 4, null, false],
      ['changed', 5, 5, false],
    ]);
    expect(diff.summary).toEqual({ added: 1, removed: 1, changed: 2, unchanged: 2, renumbered: 1 });
    expect([diff.from, diff.to, diff.granularity]).toEqual([1, 2, 'word']);
    expect(diff.articles[3]).toMatchObject({ label: '第四条', previousLabel: '第三条', chapter: { label: '第一章', title: '总则' } });
  });

  it('marks the words changed within a paragraph', () => {
    const scope = diff.articles[1].paragraphs;
    expect(scope).toHaveLength(1);
    expect(scope[0].status).toBe('changed');
    expect(added(scope[0].parts)).toBe('和法律、法规授权的组织');
    expect(removed(scope[0].parts)).toBe('');
    const commencement = diff.articles[5].paragraphs[0];
    expect([removed(commencement.parts), added(commencement.parts)]).toEqual(['2020', '2024']);
    expect(diff.articles[2].paragraphs).toEqual([{ status: 'added', parts: [{ value: '行政机关应当建立健全政府信息公开工作制度。', added: true }] }]);
    expect(diff.articles[4].paragraphs).toEqual([{ status: 'removed', parts: [{ value: '行政机关可以收取检索、复制、邮寄等费用。', removed: true }] }]);
    expect(diff.title).toMatchObject({ status: 'changed' });
    expect(removed(diff.title?.parts ?? [])).toBe('（试行）');
  });

  it('diffs paragraphs within an article: added, removed and changed', () => {
    const paragraphs = diffParagraphs(
      ['行政机关应当主动公开下列政府信息：', '（一）行政法规、规章和规范性文件；', '（二）机关职能。'],
      ['行政机关应当主动公开下列政府信息：', '（一）行政法规、规章和行政规范性文件；', '（三）国民经济和社会发展规划。']
    );
    expect(paragraphs.map((p) => p.status)).toEqual(['unchanged', 'changed', 'added', 'removed']);
    expect(added(paragraphs[1].parts)).toBe('行政');
  });

  it('diffs a text without articles as one block of paragraphs, and by characters on request', () => {
    const a = { versionNumber: 1, text: parseLegalText('各区人民政府：\n现将有关事项通知如下。\n请于3月底前报送。') };
    const b = { versionNumber: 2, text: parseLegalText('各区人民政府：\n现将有关事项通知如下。\n请于6月底前报送。') };
    const blockDiff = diffVersions(a, b, { granularity: 'char' });
    expect(blockDiff.articles).toEqual([]);
    expect(blockDiff.title).toBeNull();
    expect(blockDiff.preamble.map((p) => p.status)).toEqual(['unchanged', 'unchanged', 'changed']);
    expect(blockDiff.preamble[2].parts).toEqual([{ value: '请于' }, { value: '3', removed: true }, { value: '6', added: true }, { value: '月底前报送。' }]);
  });

  it('reports identical versions as unchanged', () => {
    const same = diffVersions(v1, { ...v1, versionNumber: 3 });
    expect(same.articles.every((a) => a.status === 'unchanged' && !a.renumbered)).toBe(true);
    expect(same.summary).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 5, renumbered: 0 });
  });
});
