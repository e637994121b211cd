/** Helpers for Lotse's web endpoint (POST /api/web/conversations …), as the chat page uses it. */

/** A web chat client as the page is: start a conversation, then post activities with its token. */
export async function openWeb(base: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/api/web/conversations`, { method: 'POST', headers });
  if (res.status !== 201) throw new Error(`conversation start answered ${res.status}`);
  const start = (await res.json()) as { conversationId: string; userId: string; token: string; expiresIn: number; activities: any[] };
  let token = start.token;
  const url = `${base}/api/web/conversations/${start.conversationId}/activities`;
  const send = async (body: unknown, as = token) => {
    const r = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await r.json()) as any;
    if (r.ok) token = json.token;
    return { status: r.status, body: json };
  };
  return { ...start, url, send, token: () => token };
}
