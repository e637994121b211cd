import { MemoryStorage } from 'botbuilder';
import { loadTexts } from '../../dialogs/texts';
import { buildTestApp, inject, message, replies, FIXED_NOW } from '../helpers/app';

const texts = loadTexts().de;
const PASSAGE = 'kooperationsvereinbarungen-laender#1';
const vote = (conversationId: string, channelId: string, helpful: 'yes' | 'no', passageId = PASSAGE) =>
  message(undefined, { channelId, conversation: { id: conversationId }, value: { verb: 'feedback', passageId, helpful } });

/** Finding 8: channel ids that are Object.prototype names, one vote per conversation and passage, no stored conversation id. */
describe('feedback votes', () => {
  it('channel ids "constructor", "toString" and "__proto__" are counted like any other channel', async () => {
    const app = buildTestApp();
    for (const channel of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const res = await inject(app, vote(`conv-${channel}`, channel, 'no'));
      expect(replies(res)[0]?.text).toBe(texts.feedbackThanksNo);
    }
    expect(await app.feedback.report()).toEqual([{ passageId: PASSAGE, yes: 0, no: 4, lastDay: FIXED_NOW.toISOString().slice(0, 10) }]);
  });

  it('counts one vote per conversation and passage (the last one), and stores no conversation id', async () => {
    const storage = new MemoryStorage();
    const app = buildTestApp({}, { storage });
    const conversation = 'a:1Geheimer-Konversations-Schluessel';
    await inject(app, vote(conversation, 'msteams', 'no'));
    await inject(app, vote(conversation, 'msteams', 'no'));
    await inject(app, vote(conversation, 'msteams', 'yes'));
    await inject(app, vote('another-conversation', 'msteams', 'no'));
    expect(await app.feedback.report()).toEqual([{ passageId: PASSAGE, yes: 1, no: 1, lastDay: '2026-11-25' }]);
    const memory = (storage as unknown as { memory: Record<string, string> }).memory;
    const stored = JSON.stringify(Object.entries(memory).filter(([key]) => key.startsWith('lotse-feedback/')));
    expect(stored).toContain('lotse-feedback/');
    expect(stored).not.toContain('Geheimer');
    expect(stored).not.toContain('another-conversation');
  });

  it('a new vote writes only its passage document (the index is written once per passage)', async () => {
    const storage = new MemoryStorage();
    const writes: string[][] = [];
    const write = storage.write.bind(storage);
    storage.write = async (changes) => {
      writes.push(Object.keys(changes));
      return write(changes);
    };
    const app = buildTestApp({}, { storage });
    await inject(app, vote('c1', 'webchat', 'yes'));
    const feedbackWrites = () => writes.flat().filter((k) => k.startsWith('lotse-feedback/') && !k.endsWith('/salt'));
    const first = feedbackWrites().length;
    await inject(app, vote('c2', 'webchat', 'yes'));
    await inject(app, vote('c3', 'webchat', 'no'));
    const later = feedbackWrites().slice(first);
    expect(later).toHaveLength(2);
    expect(later.every((k) => k.includes('/passage/'))).toBe(true);
    expect((await app.feedback.report())[0]).toMatchObject({ yes: 2, no: 1 });
  });
});
