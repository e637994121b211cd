import type { Next, Request, Response } from 'restify';
import type { Config } from '../config';
import { isLoopbackUrl } from './loopback';
import { checkActivity, tidyActivity } from './activityShape';

function reject(res: Response, status: number, code: string, message: string): void {
  res.send(status, { code, message });
}

/** Refuses compressed bodies before parsing: restify inflates without a limit and crashes on bad gzip. */
export function encodingGuard(req: Request, res: Response, next: Next): void {
  const encoding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
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
  // Without credentials nothing about the body matters: 401 first, so a stranger learns nothing from validation.
  if (config.mode === 'production' && !/^Bearer \S+$/.test(String(req.headers.authorization ?? ''))) {
    reject(res, 401, 'Unauthorized', 'Anmeldung fehlt (Bot-Framework-Token).');
    return false;
  }
  const body: unknown = req.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    reject(res, 400, 'InvalidActivity', 'Der Body muss ein JSON-Objekt (eine Activity) sein.');
    return false;
  }
  tidyActivity(body as Record<string, unknown>);
  const checked = checkActivity(body);
  if ('problem' in checked) {
    reject(res, 400, 'InvalidActivity', `Ungültige Activity: ${checked.problem}`);
    return false;
  }
  const { activity } = checked;
  if (config.mode === 'local' && activity.deliveryMode !== 'expectReplies' && !isLoopbackUrl(activity.serviceUrl)) {
    reject(
      res,
      403,
      'ForeignServiceUrl',
      'Im lokalen Modus gehen Antworten nur an diesen Rechner (serviceUrl auf localhost) oder per deliveryMode "expectReplies".',
    );
    return false;
  }
  return true;
}
