import type { Block } from './parseSource';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  sect: '§',
  ndash: '–',
  mdash: '—',
  bdquo: '„',
  ldquo: '“',
  rdquo: '”',
};

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&([a-z]+);/gi, (m, name: string) => ENTITIES[name] ?? m);
}

function clean(fragment: string): string {
  return decode(fragment.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Metadata from <title> and <meta> tags; front matter, where present, wins. */
export function htmlMeta(html: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  if (title) out.title = clean(title[1]);
  const metaRe = /<meta\s+[^>]*name=["']([^"']+)["'][^>]*content=["']([^"']*)["'][^>]*>/gi;
  for (let m = metaRe.exec(html); m; m = metaRe.exec(html)) {
    const name = m[1].toLowerCase();
    const value = decode(m[2]).trim();
    if (name === 'publisher' || name === 'author' || name === 'dc.publisher') out.publisher ??= value;
    else if (name === 'date' || name === 'dc.date' || name === 'dcterms.date') out.date = value.slice(0, 10);
    else if (name === 'keywords')
      out.topics = value
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
    else if (name === 'lotse:id') out.id = value;
    else if (name === 'lotse:bundesland') out.bundesland = value;
    else if (name === 'lotse:url') out.url = value;
  }
  return out;
}

/** Page text as blocks; scripts, styles, navigation, headers, footers and forms are dropped as boilerplate. */
export function htmlToBlocks(html: string): Block[] {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  const stripped = body
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|nav|header|footer|form|aside|noscript|template)\b[\s\S]*?<\/\1>/gi, ' ');
  const blocks: Block[] = [];
  const re = /<(h[1-6]|p|li|td|dd|dt|blockquote)\b[^>]*>([\s\S]*?)<\/\1>/gi;
  for (let m = re.exec(stripped); m; m = re.exec(stripped)) {
    const tag = m[1].toLowerCase();
    const text = clean(m[2]);
    if (!text) continue;
    if (tag.startsWith('h')) blocks.push({ kind: 'heading', level: Number(tag[1]), text });
    else if (tag === 'li') blocks.push({ kind: 'item', text });
    else blocks.push({ kind: 'para', text });
  }
  return blocks;
}
