import type { Block } from './parseSource';

/** A passage a caseworker can read at a glance, with the heading it stands under. */
export interface Passage {
  id: string;
  sourceId: string;
  heading: string;
  text: string;
  /** Alternate phrasings of what the passage answers ("questions:" in the content); searched, never shown. */
  questions?: string[];
  /** The Länder (directory codes: "NW") the passage is about alone; a question about another Land or none ranks it lower. */
  regions?: string[];
  /**
   * The case facts (lexicon facts.yaml names: "minor") the passage is about alone, any one of them; a question
   * that states none of them ranks it lower ("Kann sie ohne Versicherung zum Arzt?" is no question about minors).
   */
  facts?: string[];
  /** Case facts that rule the passage out ("eu" for a residence permit only third-country nationals need). */
  notFor?: string[];
}

const SHORT = 120; // a paragraph shorter than this is a fragment: it joins its neighbour
const LONG_ITEM = 100; // a list item this long stands as its own passage
const MAX = 900; // longer paragraphs are split at sentence ends

function splitLong(text: string): string[] {
  if (text.length <= MAX) return [text];
  const sentences = text.match(/[^.!?]+(?:[.!?]+["“”»]?\s*|$)/g) ?? [text];
  const parts: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if (current && current.length + sentence.length > MAX * 0.7) {
      parts.push(current.trim());
      current = '';
    }
    current += sentence;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** Splits a document along its structure: headings, list items and paragraphs. */
export function chunk(sourceId: string, title: string, blocks: Block[]): Passage[] {
  const passages: Passage[] = [];
  const headings: string[] = [];
  let pending = ''; // short fragments waiting to join the next paragraph
  let leadIn = ''; // a paragraph ending in ":" introduces the list that follows
  let shortItems: string[] = [];

  const heading = () => headings.filter((h) => h && h !== title).join(' › ') || title;
  const emit = (text: string) => {
    for (const part of splitLong(text)) {
      passages.push({ id: `${sourceId}#${passages.length + 1}`, sourceId, heading: heading(), text: part });
    }
  };
  const flushList = () => {
    if (shortItems.length) emit([leadIn, ...shortItems.map((i) => `- ${i}`)].filter(Boolean).join('\n'));
    else if (leadIn) pending = pending ? `${pending}\n${leadIn}` : leadIn;
    shortItems = [];
    leadIn = '';
  };
  const flushPending = () => {
    flushList();
    if (!pending) return;
    const last = passages[passages.length - 1];
    // A trailing fragment (a file number, a contact line) belongs to the passage before it.
    if (last && last.heading === heading() && last.text.length + pending.length < MAX) last.text += `\n${pending}`;
    else emit(pending);
    pending = '';
  };

  for (const block of blocks) {
    if (block.kind === 'heading') {
      flushPending();
      headings.length = block.level - 1;
      headings[block.level - 1] = block.text;
    } else if (block.kind === 'item') {
      if (!leadIn && pending.trimEnd().endsWith(':')) {
        leadIn = pending;
        pending = '';
      }
      if (block.text.length >= LONG_ITEM) emit(block.text);
      else shortItems.push(block.text);
    } else {
      flushList();
      const text = pending ? `${pending}\n${block.text}` : block.text;
      pending = '';
      if (text.trimEnd().endsWith(':') || text.length < SHORT) pending = text;
      else emit(text);
    }
  }
  flushPending();
  return passages;
}
