import { loadTexts } from '../../dialogs/texts';
import { buildTestApp, inject, message, replies } from '../helpers/app';

const texts = loadTexts().de;

/** Finding 6: shapes a channel never sends must get a 400 with a short reason or be ignored – never the error reply. */
const CASES: Array<[string, Record<string, unknown>]> = [
  ['missing recipient', { recipient: undefined }],
  ['recipient null', { recipient: null }],
  ['value null without text', { text: undefined, value: null }],
  ['entities a string', { entities: 'x' }],
  ['entities with null and a number', { entities: [null, 1] }],
  ['attachments a string', { attachments: 'x' }],
  [
    'membersAdded with null, a number and a null id',
    { type: 'conversationUpdate', text: undefined, membersAdded: [null, 1, { id: null }] },
  ],
  ['membersRemoved a number', { type: 'conversationUpdate', text: undefined, membersRemoved: 5 }],
  ['from null', { from: null }],
  ['value a number without text', { text: undefined, value: 7 }],
  ['value an array without text', { text: undefined, value: [null] }],
];

describe('malformed activity shapes at the edge', () => {
  const app = buildTestApp();

  it.each(CASES)('%s → a 400 with a reason, or handled without the error reply', async (_name, change) => {
    const body: Record<string, unknown> = { ...message('Hilfe', { conversation: { id: `shape-${_name}` } }), ...change };
    for (const [k, v] of Object.entries(change)) if (v === undefined) delete body[k];
    const res = await inject(app, body);
    if (res.status === 400) {
      expect(res.body).toMatchObject({ code: 'InvalidActivity' });
      expect(String(res.body.message)).toMatch(/^Ungültige Activity: \S/);
      expect(String(res.body.message).length).toBeLessThan(200);
    } else {
      expect(res.status).toBeLessThan(300);
      expect(replies(res).map((a) => a.text)).not.toContain(texts.error);
    }
  });

  it('a well-formed message in the same app is still answered', async () => {
    const res = await inject(app, message('Hilfe', { conversation: { id: 'shape-ok' } }));
    expect(res.status).toBe(200);
    expect(replies(res).length).toBeGreaterThan(0);
    expect(replies(res).map((a) => a.text)).not.toContain(texts.error);
  });
});
