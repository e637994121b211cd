import { loadTexts } from '../../dialogs/texts';
import { buildTestApp, inject, message, replies } from '../helpers/app';

const texts = loadTexts().de;

/** Finding 7: the limiter follows the app's clock and keeps its promise across window boundaries. */
describe('rate limit windows', () => {
  it('a burst at the end of one minute does not buy a second burst at the start of the next; later the budget is back', async () => {
    let clock = new Date('2026-11-25T10:00:00Z').getTime();
    const app = buildTestApp({ RATE_LIMIT_PER_MINUTE: '3' }, { now: () => new Date(clock) });
    const say = async (conversation: string) =>
      replies(await inject(app, message('Hilfe', { conversation: { id: conversation } })))[0]?.text;
    clock += 59_000;
    for (let i = 0; i < 3; i++) expect(await say('rl-a')).not.toBe(texts.rateLimited);
    expect(await say('rl-a')).toBe(texts.rateLimited);
    clock += 2_000; // next minute, but only 2 s after the burst
    expect(await say('rl-a')).toBe(texts.rateLimited);
    expect(await say('rl-b')).not.toBe(texts.rateLimited);
    clock += 120_000;
    for (let i = 0; i < 3; i++) expect(await say('rl-a')).not.toBe(texts.rateLimited);
    expect(await say('rl-a')).toBe(texts.rateLimited);
  });

  it('many conversations in one minute do not limit each other', async () => {
    const clock = new Date('2026-11-25T10:00:00Z').getTime();
    const app = buildTestApp({ RATE_LIMIT_PER_MINUTE: '2' }, { now: () => new Date(clock) });
    for (let i = 0; i < 300; i++) {
      const res = await inject(app, message('Hilfe', { conversation: { id: `rl-many-${i}` } }));
      expect(replies(res)[0]?.text).not.toBe(texts.rateLimited);
    }
  });
});
