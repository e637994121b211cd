import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import type { Ranker } from './evalReport';
import type { KnowledgeSearch, SearchHit } from '../../knowledge/search';

// Subpath exports, which this project's "node" module resolution cannot type: required with their declared shapes.
/* eslint-disable @typescript-eslint/no-require-imports */
const { stemmer: germanStemmer } = require('@orama/stemmers/german') as { stemmer: (word: string) => string };
const { stopwords: germanStopwords } = require('@orama/stopwords/german') as { stopwords: string[] };
/* eslint-enable @typescript-eslint/no-require-imports */

/*
 * Peer search libraries over the same passages, scored on the same questions in the same run, so every
 * Lotse figure can be read as a ratio against them. Development and evaluation only (devDependencies).
 */

/** A passage as the peers index it: with its alternate questions appended, so every library sees the same content. */
type Doc = { id: string; title: string; heading: string; text: string };

function documents(search: KnowledgeSearch): { docs: Doc[]; hit: (id: string) => Pick<SearchHit, 'passage' | 'source'> } {
  const passages = search.index.passages;
  const docs = passages.map((p) => ({
    id: p.id,
    title: search.source(p.sourceId)?.title ?? '',
    heading: p.heading,
    text: [p.text, ...(p.questions ?? [])].join('\n'),
  }));
  const hit = (id: string) => search.passage(id)!;
  return { docs, hit };
}

const foldUmlauts = (w: string) => w.toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/ß/g, 'ss');

/**
 * fuse.js as the stack started with it: weighted keys, no German processing. The question's words are
 * OR-ed in fuse's extended search (one fuzzy pattern per word); a whole question as one bitap pattern
 * takes ~1 s per question on these passages and matches worse.
 */
export function fuseRanker(search: KnowledgeSearch): Ranker {
  const { docs, hit } = documents(search);
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'heading', weight: 2 },
      { name: 'title', weight: 1 },
      { name: 'text', weight: 1 },
    ],
    ignoreLocation: true,
    useExtendedSearch: true,
    threshold: 0.4,
    minMatchCharLength: 3,
  });
  return (q) => {
    const pattern = (q.match(/[\p{L}\p{N}]{3,}/gu) ?? []).join(' | ');
    return { hits: pattern ? fuse.search(pattern, { limit: 5 }).map((r) => hit(r.item.id)) : [] };
  };
}

/** MiniSearch tuned for German: Snowball German stems, German stopwords, umlaut folding, prefix + fuzzy. */
export function miniSearchRanker(search: KnowledgeSearch): Ranker {
  const { docs, hit } = documents(search);
  const stop = new Set(germanStopwords.map((w) => w.toLowerCase()));
  const mini = new MiniSearch<Doc>({
    fields: ['title', 'heading', 'text'],
    storeFields: ['id'],
    processTerm: (term) => {
      const lower = term.toLowerCase();
      return stop.has(lower) ? null : foldUmlauts(germanStemmer(lower));
    },
    searchOptions: { boost: { heading: 2 }, prefix: true, fuzzy: 0.2, combineWith: 'OR' },
  });
  mini.addAll(docs);
  return (q) => ({
    hits: mini
      .search(q)
      .slice(0, 5)
      .map((r) => hit(String(r.id))),
  });
}

/** Orama with its German tokenizer: Snowball German stemmer, German stopwords, typo tolerance 1. */
export async function oramaRanker(search: KnowledgeSearch): Promise<Ranker> {
  const { docs, hit } = documents(search);
  const db = create({
    schema: { pid: 'string', title: 'string', heading: 'string', text: 'string' } as const,
    components: { tokenizer: { language: 'german', stemming: true, stemmer: germanStemmer, stopWords: germanStopwords } },
  });
  await insertMultiple(
    db,
    docs.map((d) => ({ pid: d.id, title: d.title, heading: d.heading, text: d.text })),
  );
  return async (q) => {
    const found = await oramaSearch(db, {
      term: q,
      properties: ['title', 'heading', 'text'],
      boost: { heading: 2 },
      tolerance: 1,
      limit: 5,
      threshold: 1,
    });
    return { hits: found.hits.map((h) => hit(String((h.document as { pid: string }).pid))) };
  };
}

export async function peerRankers(search: KnowledgeSearch): Promise<Array<{ name: string; rank: Ranker }>> {
  return [
    { name: 'fuse.js', rank: fuseRanker(search) },
    { name: 'MiniSearch (de)', rank: miniSearchRanker(search) },
    { name: 'Orama (de)', rank: await oramaRanker(search) },
  ];
}
