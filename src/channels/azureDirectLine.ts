import { randomUUID } from 'node:crypto';

export interface TokenRequest {
  url: string;
  init: { method: 'POST'; headers: Record<string, string>; body: string };
}

/** The request that exchanges the Direct Line secret for a per-conversation token; the secret stays on the server. */
export function tokenRequest(secret: string, endpoint: string, userId = `dl_${randomUUID()}`): TokenRequest {
  return {
    url: `${endpoint.replace(/\/$/, '')}/tokens/generate`,
    init: { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body: JSON.stringify({ user: { id: userId } }) },
  };
}

export async function exchangeSecret(secret: string, endpoint: string, fetchImpl: typeof fetch = fetch): Promise<{ token: string; conversationId: string; expires_in: number }> {
  const { url, init } = tokenRequest(secret, endpoint);
  const res = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`Direct Line token exchange failed with HTTP ${res.status}`);
  const body = (await res.json()) as { token?: string; conversationId?: string; expires_in?: number };
  if (!body.token || !body.conversationId) throw new Error('Direct Line token exchange returned no token');
  return { token: body.token, conversationId: body.conversationId, expires_in: body.expires_in ?? 1800 };
}
