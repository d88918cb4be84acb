import { escapeHtml, renderDiffHtml } from './diff-html';
import { parseLegalText } from './legal-text';
import { diffVersions } from './version-diff';

const a = {
  versionNumber: 1,
  text: parseLegalText('第一章　总则\n第一条　为了规范工作，制定本办法。\n第二条　费用标准为<5元>。\n第三条　本办法自2020年1月1日起施行。'),
};
const b = {
  versionNumber: 2,
  text: parseLegalText(
    '第一章　总则\n第一条　为了规范工作，制定本办法。\n第二条　费用标准为<10元> & "免费"。\n第三条　<script>alert(\'x\')</script>不得收费。\n第四条　本办法自2024年1月1日起施行。'
  ),
};

describe('the diff as an HTML fragment', () => {
  const html = renderDiffHtml(diffVersions(a, b));

  it('escapes every piece of text, so no markup from the text reaches the page', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    expect(html).toContain('&amp; &quot;免费&quot;');
    expect(html).not.toMatch(/ on[a-z]+=/i);
    expect(html).not.toContain('style=');
  });

  it('marks added and removed text with <ins> and <del> under article headings', () => {
    expect(html.startsWith('<div class="regulation-diff" data-from="1" data-to="2">')).toBe(true);
    expect(html.endsWith('</div>')).toBe(true);
    expect(html).toContain('<h3 class="regulation-diff-chapter">第一章　总则</h3>');
    expect(html).toContain('<section class="regulation-diff-article" data-status="added"><h4 class="regulation-diff-article-heading"><ins>第三条</ins><span class="regulation-diff-status">新增</span></h4>');
    expect(html).toContain('<h4 class="regulation-diff-article-heading">第四条<span class="regulation-diff-renumbered">（原第三条）</span><span class="regulation-diff-status">修改</span></h4>');
    expect(html).toContain('<del>2020</del><ins>2024</ins>');
    expect(html).toMatch(/<del>[^<]*5[^<]*<\/del>/);
    expect(html).toMatch(/<ins>[^<]*10[^<]*<\/ins>/);
  });

  it('can leave unchanged articles out, saying how many', () => {
    const short = renderDiffHtml(diffVersions(a, b), { hideUnchanged: true });
    expect(short).not.toContain('为了规范工作');
    expect(short).toContain('<p class="regulation-diff-hidden">（1条未修改）</p>');
    expect(short).toContain('第二条');
  });
});
