import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { compileToTemp } from '../helpers/compiled';

const root = path.resolve(__dirname, '../..');

/** The figures `npm run bench` must always print (issue 8); --quick runs in CI. */
const REQUIRED = [
  'search_p50_ms_1k',
  'search_p99_ms_1k',
  'search_p50_ms_10k',
  'search_p99_ms_10k',
  'search_p50_ms_100k',
  'search_p99_ms_100k',
  'kb_build_s_10k',
  'index_mb_10k',
  'rss_mb_10k',
  'turn_p50_ms_c1',
  'turn_p99_ms_c1',
  'turn_p50_ms_c50',
  'turn_p99_ms_c50',
  'turn_rps_c50',
  'turn_p50_ms_c200',
  'turn_p99_ms_c200',
  'turn_rps_c200',
  'echo_p99_ms_c200',
  'turn_p99_vs_echo_c200',
  'ratelimit_us_per_msg_30k_convs',
  'lost_replies',
  'crossed_replies',
  'fuse_plain_p99_ms_1k',
  'search_speedup_vs_fuse_1k',
];

describe('npm run bench -- --quick', () => {
  // The benchmark forks compiled children (bot server, RSS probe): run it from a private build, as npm run bench does from dist/.
  let build: ReturnType<typeof compileToTemp>;
  beforeAll(() => (build = compileToTemp()), 420_000);
  afterAll(() => build?.remove());

  it('prints one `name: value` line per figure, every required figure included, and no reply lost or crossed', () => {
    const out = execFileSync(process.execPath, ['--expose-gc', path.join(build.dir, 'bench', 'run.js'), '--quick'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 300_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const lines = out.trim().split('\n');
    const figures = new Map<string, string>();
    for (const line of lines) {
      const m = /^([a-z0-9_]+): (\S+)$/.exec(line);
      expect(m).not.toBeNull();
      expect(figures.has(m![1])).toBe(false);
      figures.set(m![1], m![2]);
    }
    expect(figures.get('bench_mode')).toBe('quick');
    for (const name of REQUIRED) {
      expect([name, figures.has(name)]).toEqual([name, true]);
      expect([name, Number.isFinite(Number(figures.get(name)))]).toEqual([name, true]);
    }
    expect(Number(figures.get('lost_replies'))).toBe(0);
    expect(Number(figures.get('crossed_replies'))).toBe(0);
  }, 320_000);
});
