import { diffText, similarity, wordSegmentationAvailable, words } from './text-diff';

const side = (parts: { value: string; added?: true; removed?: true }[], which: 'before' | 'after') =>
  parts.filter((p) => (which === 'before' ? !p.added : !p.removed)).map((p) => p.value).join('');

describe('paragraph diffs of Chinese text', () => {
  it('segments Chinese into words on Node 20', () => {
    expect(wordSegmentationAvailable()).toBe(true);
    expect(words('本办法自发布之日起施行')).toEqual(expect.arrayContaining(['办法', '施行']));
    expect(words('本办法自发布之日起施行').join('')).toBe('本办法自发布之日起施行');
  });

  it('diffs by words: a replaced word is removed then added, the rest kept', () => {
    const parts = diffText('行政机关应当在十五个工作日内答复。', '行政机关应当在二十个工作日内答复。');
    expect(parts.filter((p) => p.removed).map((p) => p.value).join('')).toContain('十五');
    expect(parts.filter((p) => p.added).map((p) => p.value).join('')).toContain('二十');
    expect(parts[0]).toEqual({ value: '行政机关应当在' });
    expect(side(parts, 'before')).toBe('行政机关应当在十五个工作日内答复。');
    expect(side(parts, 'after')).toBe('行政机关应当在二十个工作日内答复。');
  });

  it('diffs by characters on request', () => {
    expect(diffText('自2020年起施行', '自2024年起施行', 'char')).toEqual([{ value: '自202' }, { value: '0', removed: true }, { value: '4', added: true }, { value: '年起施行' }]);
    expect(diffText('相同', '相同')).toEqual([{ value: '相同' }]);
    expect(diffText('', '')).toEqual([]);
  });

  it('measures likeness with character bigrams', () => {
    expect(similarity('本办法自2020年1月1日起施行。', '本办法自2020年1月1日起施行。')).toBe(1);
    expect(similarity('本办法自2020年1月1日起施行。', '本办法自2024年1月1日起施行。')).toBeGreaterThan(0.8);
    expect(similarity('行政机关可以收取费用。', '公民有权申请公开。')).toBeLessThan(0.2);
    expect(similarity('', '')).toBe(1);
    expect(similarity('', '有')).toBe(0);
  });
});
