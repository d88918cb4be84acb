import { align } from './alignment';

const options = {
  same: (a: string, b: string) => a === b,
  score: (a: string, b: string) => (a[0] === b[0] ? 0.9 : 0),
  threshold: 0.5,
};
const kinds = (items: ReturnType<typeof align<string>>) =>
  items.map((item) => (item.kind === 'added' ? `+${item.after}` : item.kind === 'removed' ? `-${item.before}` : item.kind === 'changed' ? `${item.before}>${item.after}` : `=${item.after}`));

describe('aligning two sequences', () => {
  it('anchors identical items and pairs alike ones between them', () => {
    expect(kinds(align(['a1', 'b1', 'c1'], ['a1', 'b2', 'c1'], options))).toEqual(['=a1', 'b1>b2', '=c1']);
    expect(kinds(align(['a1', 'x1', 'c1'], ['a1', 'y1', 'c1'], options))).toEqual(['=a1', '+y1', '-x1', '=c1']);
  });

  it('keeps both orders: removed items before their paired successor, never crossing pairs', () => {
    // b and c both changed and swapped: only one pair can stand; the one that moved least wins.
    expect(kinds(align(['a', 'b1', 'c1'], ['c2', 'b2'], options))).toEqual(['+c2', '-a', 'b1>b2', '-c1']);
    expect(kinds(align(['p', 'q1'], ['n', 'q2', 'm'], options))).toEqual(['+n', '-p', 'q1>q2', '+m']);
    expect(kinds(align([], ['a'], options))).toEqual(['+a']);
    expect(kinds(align(['a'], [], options))).toEqual(['-a']);
  });
});
