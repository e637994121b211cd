import { goldenDiff, goldenQueries, goldenResults, readGolden, type GoldenEntry } from '../../scripts/golden';
import { realSearch } from '../helpers/knowledge';

/**
 * Ranking and scores are pinned by test/knowledge/golden-results.json. A change to the search, the index
 * build, the lexicon or the sources that moves any result fails here with the changed queries; when the
 * change is meant, `npm run golden:update` rewrites the file and its diff goes into the same commit.
 */

function failIfChanged(expected: GoldenEntry[], actual: GoldenEntry[]): void {
  const changes = goldenDiff(expected, actual);
  if (changes.length) {
    throw new Error(
      `${changes.length} of ${actual.length} golden queries changed (if intended: npm run golden:update, and commit the file):\n\n${changes.join('\n\n')}`,
    );
  }
}

describe('golden search results', () => {
  it('ranks and scores every golden query as recorded', () => {
    const golden = readGolden();
    expect(golden.length).toBeGreaterThan(50);
    failIfChanged(golden, goldenResults(realSearch(), goldenQueries()));
  });

  it('reports a changed ranking, a changed score and a new query readably', () => {
    const golden = readGolden()
      .filter((g) => g.hits.length > 1)
      .slice(0, 3);
    const changed = structuredClone(golden);
    changed[0].hits.reverse();
    changed[1].hits[0][1] += 0.01;
    changed.push({ q: 'neue Frage', language: 'de', confidence: 0, unknownWords: [], hits: [] });
    expect(() => failIfChanged(golden, changed)).toThrow(/3 of 4 golden queries changed/);
    const [first, second, added] = goldenDiff(golden, changed);
    expect(first).toContain(`- golden: confidence ${golden[0].confidence}`);
    expect(first).toContain(golden[0].hits[0][0]);
    expect(second).toContain(String(changed[1].hits[0][1]));
    expect(added).toBe('"neue Frage": new query, not in the golden file');
  });
});
