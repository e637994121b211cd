import type { Next, Request, Response } from 'restify';
import { z } from 'zod';
import type { Config } from '../config';
import { isLoopbackUrl } from './loopback';

/** The least an activity must have before the adapter sees it; anything else is a 400, not a 500. */
const IncomingActivity = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(256).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().max(2048).optional(),
    deliveryMode: z.string().max(32).optional(),
    text: z.string().optional(),
    conversation: z.object({ id: z.string().min(1).max(1024) }).passthrough(),
    from: z.object({ id: z.string().min(1).max(1024) }).passthrough().optional(),
    recipient: z.object({ id: z.string().min(1).max(1024) }).passthrough().optional(),
  })
  .passthrough();

function reject(res: Response, status: number, code: string, message: string): void {
  res.send(status, { code, message });
}

/** Refuses compressed bodies before parsing: restify inflates without a limit and crashes on bad gzip. */
export function encodingGuard(req: Request, res: Response, next: Next): void {
  const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== '') {
    reject(res, 415, 'UnsupportedEncoding', 'Content-Encoding wird nicht unterstützt; bitte unkomprimiert senden.');
    return next(false);
  }
  if (!req.is('application/json')) {
    reject(res, 415, 'UnsupportedMediaType', 'Erwartet wird Content-Type: application/json.');
    return next(false);
  }
  return next();
}

/** Validates the activity; in local mode (no authentication) replies may only go back to this machine. */
export function guardMessagesRequest(req: Request, res: Response, config: Pick<Config, 'mode'>): boolean {
  const body: unknown = req.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    reject(res, 400, 'InvalidActivity', 'Der Body muss ein JSON-Objekt (eine Activity) sein.');
    return false;
  }
  const parsed = IncomingActivity.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    reject(res, 400, 'InvalidActivity', `Ungültige Activity: ${issue.path.join('.') || 'body'}: ${issue.message}`);
    return false;
  }
  const activity = parsed.data;
  if (config.mode === 'local' && activity.deliveryMode !== 'expectReplies' && !isLoopbackUrl(activity.serviceUrl)) {
    reject(res, 403, 'ForeignServiceUrl', 'Im lokalen Modus gehen Antworten nur an diesen Rechner (serviceUrl auf localhost) oder per deliveryMode "expectReplies".');
    return false;
  }
  return true;
}
