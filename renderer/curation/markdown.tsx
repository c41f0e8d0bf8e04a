// A tiny Markdown renderer for notes that builds React elements only: paragraphs, headings (as bold
// lines), emphasis, strong, inline code, code blocks, bullet and numbered lists, and links. Every
// character the analyst typed ends up as a React text node, so raw HTML (<script>, <img …>) shows as
// literal text; there are no images at all (![x](y) stays text), and a link is a button with no href:
// it only opens through `onLink`, which asks first. Only http(s) and mailto addresses become links;
// anything else (javascript:, data:, file:) stays inert text.
import type { ReactNode } from 'react';

export const SAFE_LINK = /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

export function isSafeLink(url: string): boolean {
  if (!SAFE_LINK.test(url)) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' || parsed.protocol === 'mailto:';
  } catch {
    return false;
  }
}

const ESCAPABLE = /[\\`*_[\]()#+\-.!>]/;
const LINK = /^\[([^\]\n]+)\]\(([^()\s]+)\)/;

/** Inline spans of one block; `key` keeps React keys unique across nesting. */
function inline(text: string, key: string, onLink: (url: string) => void): ReactNode[] {
  const out: ReactNode[] = [];
  let buf = '';
  let i = 0;
  const flush = () => { if (buf) { out.push(buf); buf = ''; } };
  const k = () => `${key}.${out.length}`;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1] ?? '';
    if (c === '\\' && ESCAPABLE.test(next)) { buf += next; i += 2; continue; }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) { flush(); out.push(<code key={k()}>{text.slice(i + 1, end)}</code>); i = end + 1; continue; }
    }
    if (c === '!' && next === '[') {
      // an image: never fetched or shown, kept as the literal text the analyst typed
      const m = LINK.exec(text.slice(i + 1));
      if (m) { buf += `!${m[0]}`; i += 1 + m[0].length; continue; }
    }
    if (c === '[') {
      const m = LINK.exec(text.slice(i));
      if (m) {
        const [whole, label, url] = m as unknown as [string, string, string];
        if (isSafeLink(url)) {
          flush();
          out.push(
            <button key={k()} type="button" className="link md-link" title={url} data-url={url} onClick={() => onLink(url)}>
              {inline(label, k(), onLink)}
            </button>,
          );
        } else {
          buf += whole; // an unsafe address is shown, never made clickable
        }
        i += whole.length;
        continue;
      }
    }
    if ((c === '*' || c === '_') && next === c) {
      const end = text.indexOf(c + c, i + 2);
      if (end > i + 2) { flush(); out.push(<strong key={k()}>{inline(text.slice(i + 2, end), k(), onLink)}</strong>); i = end + 2; continue; }
    }
    // `_` inside a word (snake_case) is not emphasis
    if ((c === '*' || c === '_') && next !== ' ' && next !== c && !(c === '_' && /\w/.test(text[i - 1] ?? ''))) {
      const end = text.indexOf(c, i + 1);
      if (end > i + 1 && !(c === '_' && /\w/.test(text[end + 1] ?? ''))) {
        flush(); out.push(<em key={k()}>{inline(text.slice(i + 1, end), k(), onLink)}</em>); i = end + 1; continue;
      }
    }
    buf += c;
    i += 1;
  }
  flush();
  return out;
}

/** Lines joined inside a paragraph keep their breaks. */
function lines(text: string, key: string, onLink: (url: string) => void): ReactNode[] {
  return text.split('\n').flatMap((line, n) => (n === 0 ? inline(line, `${key}l${n}`, onLink) : [<br key={`${key}br${n}`} />, ...inline(line, `${key}l${n}`, onLink)]));
}

const BULLET = /^\s*[-*+]\s+/;
const NUMBER = /^\s*\d{1,9}[.)]\s+/;
const HEADING = /^#{1,6}\s+/;

export function renderMarkdown(source: string, onLink: (url: string) => void): ReactNode[] {
  const blocks: ReactNode[] = [];
  const all = source.replace(/\r\n?/g, '\n').split('\n');
  let para: string[] = [];
  const endPara = () => {
    if (para.length) blocks.push(<p key={`b${blocks.length}`}>{lines(para.join('\n'), `b${blocks.length}`, onLink)}</p>);
    para = [];
  };
  for (let i = 0; i < all.length; i += 1) {
    const line = all[i]!;
    if (/^\s*```/.test(line)) {
      endPara();
      const body: string[] = [];
      for (i += 1; i < all.length && !/^\s*```/.test(all[i]!); i += 1) body.push(all[i]!);
      blocks.push(<pre key={`b${blocks.length}`}><code>{body.join('\n')}</code></pre>);
      continue;
    }
    if (BULLET.test(line) || NUMBER.test(line)) {
      endPara();
      const ordered = NUMBER.test(line);
      const marker = ordered ? NUMBER : BULLET;
      const items: string[] = [];
      for (; i < all.length && marker.test(all[i]!); i += 1) items.push(all[i]!.replace(marker, ''));
      i -= 1;
      const key = `b${blocks.length}`;
      const children = items.map((item, n) => <li key={`${key}i${n}`}>{inline(item, `${key}i${n}`, onLink)}</li>);
      blocks.push(ordered ? <ol key={key}>{children}</ol> : <ul key={key}>{children}</ul>);
      continue;
    }
    if (HEADING.test(line)) {
      endPara();
      const key = `b${blocks.length}`;
      blocks.push(<p key={key} className="md-heading"><strong>{inline(line.replace(HEADING, ''), key, onLink)}</strong></p>);
      continue;
    }
    if (line.trim() === '') { endPara(); continue; }
    para.push(line);
  }
  endPara();
  return blocks;
}

export function Markdown({ source, onLink }: { source: string; onLink(url: string): void }) {
  return <div className="markdown">{renderMarkdown(source, onLink)}</div>;
}
