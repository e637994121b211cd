import fc from 'fast-check';
import { loadTexts } from '../../dialogs/texts';
import { checkActivity, IncomingActivity } from '../../src/channels/activityShape';
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

describe('the written-out activity check (issue 17, item 13)', () => {
  // Values at and around every limit of IncomingActivity, plus wrong types.
  const long = (n: number) => 'x'.repeat(n);
  const odd = fc.constantFrom<unknown>(
    undefined,
    null,
    0,
    true,
    '',
    'a',
    long(32),
    long(33),
    long(64),
    long(65),
    long(256),
    long(257),
    long(1024),
    long(1025),
    long(2048),
    long(2049),
    [],
    {},
    [null],
    [{}],
    [1],
    { id: '' },
    { id: 'u' },
    { id: long(1025) },
    { id: 5 },
    { type: 'mention' },
    { type: long(257) },
    { contentType: 'x' },
    { contentType: 5 },
    new Date(0),
    Object.create(null),
    Array.from({ length: 256 }, () => ({ id: 'a', type: 't', contentType: 'c' })),
    Array.from({ length: 257 }, () => ({ id: 'a', type: 't', contentType: 'c' })),
  );
  const fields = [
    'type',
    'id',
    'channelId',
    'serviceUrl',
    'deliveryMode',
    'text',
    'conversation',
    'from',
    'recipient',
    'entities',
    'attachments',
    'membersAdded',
    'membersRemoved',
    'value',
  ];

  it('accepts exactly what the schema accepts, on activities with up to three odd fields', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...fields), odd), { maxLength: 3 }), (changes) => {
        const body: Record<string, unknown> = { ...message('Hallo') };
        for (const [field, value] of changes) body[field] = value;
        expect('activity' in checkActivity(body)).toBe(IncomingActivity.safeParse(body).success);
      }),
      { numRuns: 3000 },
    );
  });
});
