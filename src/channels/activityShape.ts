import { z } from 'zod';

const account = z.object({ id: z.string().min(1).max(1024) }).passthrough();
const list = <T extends z.ZodTypeAny>(item: T) => z.array(item).max(256).optional();

/**
 * The least an activity must have before the adapter sees it; anything else is a 400, not a turn that
 * crashes into the generic error reply. Fields the SDK dereferences without checking must have their shape.
 */
export const IncomingActivity = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(256).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().max(2048).optional(),
    deliveryMode: z.string().max(32).optional(),
    text: z.string().optional(),
    conversation: z.object({ id: z.string().min(1).max(1024) }).passthrough(),
    from: account.optional(),
    recipient: account,
    entities: list(z.object({ type: z.string().max(256) }).passthrough()),
    attachments: list(z.object({ contentType: z.string().max(256) }).passthrough()),
    membersAdded: list(account),
    membersRemoved: list(account),
  })
  .passthrough();

/** Harmless oddities are fixed instead of refused: `value: null` means "no value". */
export function tidyActivity(body: Record<string, unknown>): void {
  if (body.value === null) delete body.value;
}

const isRecord = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};
const isText = (v: unknown, min: number, max: number) => typeof v === 'string' && v.length >= min && v.length <= max;
const optionalText = (v: unknown, max: number) => v === undefined || isText(v, 0, max);
const isAccount = (v: unknown) => isRecord(v) && isText(v.id, 1, 1024);
const optionalList = (v: unknown, item: (x: unknown) => boolean) =>
  v === undefined || (Array.isArray(v) && v.length <= 256 && v.every(item));

/**
 * The same rules as IncomingActivity, written out: true only for an activity the schema accepts. Every message
 * passes this check, and zod's generic walk (copying the whole activity) cost about 2 % of a turn at c200; anything
 * this check does not accept goes through the schema, which decides and names the problem.
 */
function plainlyValid(b: Record<string, unknown>): boolean {
  return (
    isText(b.type, 1, 64) &&
    optionalText(b.id, 256) &&
    isText(b.channelId, 1, 64) &&
    optionalText(b.serviceUrl, 2048) &&
    optionalText(b.deliveryMode, 32) &&
    (b.text === undefined || typeof b.text === 'string') &&
    isRecord(b.conversation) &&
    isText(b.conversation.id, 1, 1024) &&
    (b.from === undefined || isAccount(b.from)) &&
    isAccount(b.recipient) &&
    optionalList(b.entities, (e) => isRecord(e) && isText(e.type, 0, 256)) &&
    optionalList(b.attachments, (a) => isRecord(a) && isText(a.contentType, 0, 256)) &&
    optionalList(b.membersAdded, isAccount) &&
    optionalList(b.membersRemoved, isAccount)
  );
}

/** The checked activity, or a short reason naming the first bad field (for the 400 body). */
export function checkActivity(body: unknown): { activity: z.infer<typeof IncomingActivity> } | { problem: string } {
  if (isRecord(body) && plainlyValid(body)) return { activity: body as z.infer<typeof IncomingActivity> };
  const parsed = IncomingActivity.safeParse(body);
  if (parsed.success) return { activity: parsed.data };
  const issue = parsed.error.issues[0];
  return { problem: `${issue.path.join('.') || 'body'}: ${issue.message}`.slice(0, 160) };
}
