import { Parser } from 'htmlparser2';

/**
 * The structure of rich text: what a reader does not see (暗链 and hidden spam) and where links
 * go. Parsed with htmlparser2, which reads broken markup the way browsers do. Markdown rich text
 * (Strapi's default editor) passes through as text, with its inline HTML parsed and its link
 * targets collected.
 */

export type HiddenReason =
  | 'display_none'
  | 'visibility_hidden'
  | 'opacity_zero'
  | 'off_screen'
  | 'zero_size'
  | 'tiny_font'
  | 'same_colour_as_background'
  | 'hidden_attribute'
  | 'marquee';

export interface HiddenElement {
  tag: string;
  reason: HiddenReason;
  /** The hidden text, shortened. */
  text: string;
  links: string[];
  /** Offset of the hidden text in `HtmlAnalysis.text`. */
  textStart: number;
}

export interface LinkRef {
  href: string;
  host: string | null;
  /** Offset of the link text in `HtmlAnalysis.text`. */
  textStart: number;
  tag: string;
}

export interface HtmlAnalysis {
  /** Every text node, hidden or not, blocks separated by new lines (scanned for words and personal data). */
  text: string;
  hidden: HiddenElement[];
  links: LinkRef[];
  scripts: number;
}

const BLOCK = new Set(['p', 'div', 'br', 'li', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'blockquote', 'pre', 'ul', 'ol', 'hr']);
const CELL = new Set(['td', 'th']);
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr']);
const NAMED_COLOURS: Record<string, string> = {
  white: '#ffffff', black: '#000000', red: '#ff0000', green: '#008000', blue: '#0000ff', yellow: '#ffff00', gray: '#808080', grey: '#808080', silver: '#c0c0c0',
};

export const parseStyle = (style: string | undefined): Record<string, string> => {
  const out: Record<string, string> = {};
  if (!style) return out;
  for (const part of style.split(';')) {
    const at = part.indexOf(':');
    if (at < 0) continue;
    out[part.slice(0, at).trim().toLowerCase()] = part.slice(at + 1).replace(/!important/i, '').trim().toLowerCase();
  }
  return out;
};

export const normaliseColour = (value: string | undefined): string | null => {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  if (NAMED_COLOURS[v]) return NAMED_COLOURS[v];
  let m = /^#([0-9a-f]{3})$/.exec(v);
  if (m) return `#${m[1].split('').map((c) => c + c).join('')}`;
  m = /^#([0-9a-f]{6})$/.exec(v);
  if (m) return `#${m[1]}`;
  m = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/.exec(v);
  if (m) return `#${[m[1], m[2], m[3]].map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
  return null;
};

/** A CSS length in px (em/rem at 16px); null when it is not a plain length. */
const toPx = (value: string | undefined): number | null => {
  if (!value) return null;
  const m = /^(-?\d*\.?\d+)\s*(px|pt|em|rem|%)?$/.exec(value.trim());
  if (!m) return null;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'pt':
      return n * 1.333;
    case 'em':
    case 'rem':
      return n * 16;
    case '%':
      return (n / 100) * 16;
    default:
      return n;
  }
};

const FONT_SIZE_KEYWORDS = new Set(['xx-small']);

/** Why this element hides its content, judged from its own style and attributes. */
export const hiddenReason = (tag: string, attribs: Record<string, string>, style: Record<string, string>, inheritedBackground: string | null): HiddenReason | null => {
  if (tag === 'marquee') return 'marquee';
  if ('hidden' in attribs) return 'hidden_attribute';
  if (style.display === 'none') return 'display_none';
  if (style.visibility === 'hidden' || style.visibility === 'collapse') return 'visibility_hidden';
  if (style.opacity !== undefined && Number(style.opacity) === 0) return 'opacity_zero';
  for (const prop of ['left', 'top', 'right', 'margin-left', 'margin-top', 'text-indent']) {
    const px = toPx(style[prop]);
    if (px !== null && px <= -100) return 'off_screen';
  }
  const clip = style.clip ?? style['clip-path'];
  if (clip && /rect\(\s*0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s*\)|inset\(\s*50%/.test(clip)) return 'zero_size';
  const overflowHidden = style.overflow === 'hidden';
  for (const prop of ['height', 'width', 'max-height', 'max-width']) {
    const px = toPx(style[prop]);
    if (px !== null && px <= 1 && (overflowHidden || prop.startsWith('max'))) return 'zero_size';
  }
  const fontSize = style['font-size'];
  if (fontSize !== undefined) {
    const px = toPx(fontSize);
    if ((px !== null && px < 6) || FONT_SIZE_KEYWORDS.has(fontSize)) return 'tiny_font';
  }
  const colour = normaliseColour(style.color ?? (tag === 'font' ? attribs.color : undefined));
  const background = normaliseColour(style['background-color'] ?? style.background?.split(/\s+/)[0] ?? attribs.bgcolor) ?? inheritedBackground;
  if (colour && colour === (background ?? '#ffffff')) return 'same_colour_as_background';
  return null;
};

/** Class and id rules of <style> blocks, so `.x{display:none}` hides `<div class="x">`. */
const styleRules = (css: string): Map<string, Record<string, string>> => {
  const rules = new Map<string, Record<string, string>>();
  for (const m of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const declarations = parseStyle(m[2]);
    for (const selector of m[1].split(',')) {
      const simple = /(?:^|\s)[a-z0-9]*([.#][\w-]+)\s*$/i.exec(selector.trim());
      if (simple) rules.set(simple[1], { ...(rules.get(simple[1]) ?? {}), ...declarations });
    }
  }
  return rules;
};

const hostOf = (href: string): string | null => {
  const trimmed = href.trim();
  if (/^(mailto|tel|javascript|data):/i.test(trimmed)) return null;
  const m = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#:@\s]+(?:@[^/?#:\s]+)?)/i.exec(trimmed) ?? /^(www\.[^/?#:\s]+)/i.exec(trimmed);
  if (!m) return null;
  const host = m[1].split('@').pop() ?? '';
  return host.toLowerCase().replace(/\.$/, '');
};

/** Markdown links and bare web addresses in text: [x](http://a.b), <http://a.b>, http://a.b, www.a.b. */
const TEXT_URL = /\]\(\s*<?([^)\s>]+)|<((?:https?:)?\/\/[^>\s]+)>|((?:https?:\/\/|www\.)[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s)<>"'，。；]*)/g;

export const analyseHtml = (html: string): HtmlAnalysis => {
  const hidden: HiddenElement[] = [];
  const links: LinkRef[] = [];
  let scripts = 0;
  let text = '';
  let rules = new Map<string, Record<string, string>>();
  if (/<style/i.test(html)) for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) rules = new Map([...rules, ...styleRules(m[1])]);

  type Frame = { tag: string; background: string | null; hidden: HiddenElement | null; skip: boolean };
  const stack: Frame[] = [];
  const top = () => stack[stack.length - 1];

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const parent = top();
        let style = parseStyle(attribs.style);
        if (rules.size) {
          const fromRules: Record<string, string> = {};
          for (const cls of (attribs.class ?? '').split(/\s+/).filter(Boolean)) Object.assign(fromRules, rules.get(`.${cls}`));
          if (attribs.id) Object.assign(fromRules, rules.get(`#${attribs.id}`));
          style = { ...fromRules, ...style };
        }
        const inheritedBackground = parent?.background ?? null;
        const ownBackground = normaliseColour(style['background-color'] ?? style.background?.split(/\s+/)[0] ?? attribs.bgcolor);
        const reason = parent?.hidden ? null : hiddenReason(name, attribs, style, inheritedBackground);
        if (name === 'script') scripts++;
        if (BLOCK.has(name)) text += '\n';
        else if (CELL.has(name)) text += '\t';
        let frameHidden = parent?.hidden ?? null;
        if (reason) {
          frameHidden = { tag: name, reason, text: '', links: [], textStart: text.length };
          hidden.push(frameHidden);
        }
        const href = name === 'a' || name === 'area' ? attribs.href : name === 'iframe' || name === 'frame' || name === 'script' || name === 'embed' ? attribs.src : undefined;
        if (href) {
          links.push({ href, host: hostOf(href), textStart: text.length, tag: name });
          if (frameHidden) frameHidden.links.push(href);
        }
        if (VOID.has(name)) return;
        stack.push({ tag: name, background: ownBackground ?? inheritedBackground, hidden: frameHidden, skip: name === 'style' || name === 'script' });
      },
      ontext(data) {
        const frame = top();
        if (frame?.skip) return;
        const decoded = data;
        if (frame?.hidden) frame.hidden.text += decoded;
        text += decoded;
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        // Pop to the matching element (htmlparser2 reports implied closes too).
        for (let i = stack.length - 1; i >= 0; i--) {
          if (stack[i].tag === name) {
            stack.length = i;
            break;
          }
        }
        if (BLOCK.has(name)) text += '\n';
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
  );
  parser.write(html);
  parser.end();

  for (const m of text.matchAll(TEXT_URL)) {
    const href = m[1] ?? m[2] ?? m[3];
    const host = hostOf(href);
    if (host && !links.some((l) => l.href === href)) links.push({ href, host, textStart: m.index ?? 0, tag: 'text' });
  }

  return {
    text,
    hidden: hidden.filter((h) => h.text.trim().length > 0 || h.links.length > 0).map((h) => ({ ...h, text: h.text.replace(/\s+/g, ' ').trim().slice(0, 120) })),
    links,
    scripts,
  };
};

/** gov.cn and its subdomains, plus the configured domains (each with its subdomains). */
export const isAllowedHost = (host: string, allowDomains: string[]): boolean =>
  ['gov.cn', ...allowDomains].some((domain) => {
    const d = domain.toLowerCase().replace(/^\*?\./, '');
    return host === d || host.endsWith(`.${d}`);
  });
