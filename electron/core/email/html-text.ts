// The text of an HTML-only message, for the timeline's notes. mailparser's html-to-text took 43 s on a 16 MB
// HTML body (issue #16) and grows faster than the input; this is one linear pass over a bounded prefix. Plain text
// is all notes keep (at most 20,000 characters), so no layout is attempted. No `electron` import.

/** HTML read: far more than the notes keep, even after markup. */
const HTML_MAX = 2 * 1024 * 1024;
/** Elements whose content is never text a reader sees. */
const HIDDEN = new Set(['script', 'style', 'head', 'title', 'template', 'noscript']);
/** Elements that start or end a line. */
const BLOCK = new Set(['br', 'p', 'div', 'tr', 'li', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'hr', 'section', 'article', 'header', 'footer']);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', reg: '®', hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', euro: '€', pound: '£' };

function entity(match: string, body: string): string {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
  }
  return NAMED[body.toLowerCase()] ?? match;
}

/** Visible text of an HTML document: tags dropped, blocks on their own lines, entities decoded, blank runs folded. */
export function htmlText(source: string): string {
  const html = source.length > HTML_MAX ? source.slice(0, HTML_MAX) : source;
  const lower = html.toLowerCase();
  const out: string[] = [];
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt < 0) {
      out.push(html.slice(at));
      break;
    }
    out.push(html.slice(at, lt));
    if (lower.startsWith('<!--', lt)) {
      const end = lower.indexOf('-->', lt + 4);
      at = end < 0 ? html.length : end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) break;
    const name = /^<\/?\s*([a-z0-9]+)/.exec(lower.slice(lt, Math.min(gt + 1, lt + 40)))?.[1] ?? '';
    const closing = lower[lt + 1] === '/';
    at = gt + 1;
    if (!closing && HIDDEN.has(name)) {
      const end = lower.indexOf(`</${name}`, at);
      at = end < 0 ? html.length : (lower.indexOf('>', end) + 1 || html.length);
      continue;
    }
    if (BLOCK.has(name)) out.push('\n');
  }
  return out
    .join('')
    .replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, entity)
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
