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

/** The checked activity, or a short reason naming the first bad field (for the 400 body). */
export function checkActivity(body: unknown): { activity: z.infer<typeof IncomingActivity> } | { problem: string } {
  const parsed = IncomingActivity.safeParse(body);
  if (parsed.success) return { activity: parsed.data };
  const issue = parsed.error.issues[0];
  return { problem: `${issue.path.join('.') || 'body'}: ${issue.message}`.slice(0, 160) };
}
