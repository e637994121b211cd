import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';

/** One simulated caseworker: its own conversation and its own question, with the passage the answer must show. */
export interface Conversation {
  id: string;
  question: string;
  /** A distinctive piece of the expected answer passage (the bot's reply must contain it). */
  expect: string;
}

export interface TurnRun {
  latencies: number[];
  elapsedMs: number;
  turns: number;
  /** Turns without any message reply (HTTP error, timeout, or only typing indicators). */
  lost: number;
  /** Replies addressed to another conversation, or showing the answer to another conversation's question. */
  crossed: number;
  /** Replies in the right conversation whose text is neither the expected answer nor another one. */
  unexpected: number;
}

export interface BotServer {
  port: number;
  child: ChildProcess;
  rss(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts bench/botServer.js (createApp + listen on 127.0.0.1:0) as a child process; `script: 'echoServer.js'` starts the baseline. */
export function startBotServer(env: Record<string, string> = {}, script = 'botServer.js'): Promise<BotServer> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, script), [], {
      env: { ...process.env, ...env },
      execArgv: ['--disable-warning=DEP0111'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('bot server did not start within 60 s'));
    }, 60_000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bot server exited early (code ${code})`)));
    child.once('message', (msg: { port: number }) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        port: msg.port,
        child,
        rss: () =>
          new Promise((res) => {
            child.once('message', (m: { rss: number }) => res(m.rss));
            child.send({ cmd: 'rss' });
          }),
        stop: () =>
          new Promise((res) => {
            if (child.exitCode !== null) return res();
            child.once('exit', () => res());
            child.disconnect();
            setTimeout(() => child.kill(), 3000).unref();
          }),
      });
    });
  });
}

interface Reply {
  type?: string;
  text?: string;
  conversation?: { id?: string };
  attachments?: Array<{ content?: { fallbackText?: string } }>;
}

function post(
  agent: http.Agent,
  port: number,
  body: string,
  route = '/api/messages',
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: route,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** A caseworker's question as the Bot Framework endpoint receives it, with its replies in the response. */
function questionActivity(id: string, conversationId: string, userId: string, text: string) {
  return {
    type: 'message',
    id,
    channelId: 'test',
    serviceUrl: 'http://localhost:9',
    deliveryMode: 'expectReplies',
    conversation: { id: conversationId },
    from: { id: userId, name: 'Fachkraft' },
    recipient: { id: 'lotse-bot', name: 'Lotse' },
    locale: 'de-DE',
    text,
  };
}

/**
 * Keeps the conversations whose expected passage the bot really shows when idle (one turn each, one at a
 * time). A question the bot answers otherwise (a directory card for a place, a case-facts offer) is no
 * check of the reply under load, and would count as "unexpected" in every turn.
 */
export async function answeredWhenIdle(port: number, conversations: Conversation[]): Promise<Conversation[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const kept: Conversation[] = [];
  for (const conv of conversations) {
    const res = await post(agent, port, JSON.stringify(questionActivity(`idle-${conv.id}`, `idle-${conv.id}`, 'user-idle', conv.question)));
    const replies = res.status === 200 ? ((JSON.parse(res.body) as { activities?: Reply[] }).activities ?? []) : [];
    const first = replies.find((a) => a.type === 'message');
    if (first && replyText(first).includes(conv.expect)) kept.push(conv);
  }
  agent.destroy();
  return kept;
}

/** Text a caseworker sees in a reply: the plain text, or the card's text version. */
export function replyText(reply: Reply): string {
  return [reply.text ?? '', ...(reply.attachments ?? []).map((a) => a.content?.fallbackText ?? '')].join('\n');
}

/** Turns per conversation before a worker moves on to a new one (the bot allows 60 messages a minute per conversation). */
/** Counts a reply as crossed (another conversation's id or answer) or unexpected; a right reply counts nothing. */
function judge(result: TurnRun, reply: Reply, conversationId: string, expect: string, expects: string[]): void {
  const text = replyText(reply);
  if (reply.conversation?.id !== conversationId) result.crossed++;
  else if (text.includes(expect)) return;
  else if (expects.some((e) => e !== expect && text.includes(e))) result.crossed++;
  else result.unexpected++;
}

export const ROTATE = 30;
let runCounter = 0;

/**
 * Closed-loop load: `concurrency` simulated users post their question as a message activity with
 * deliveryMode "expectReplies" (keep-alive connections, one per user), each waiting for its reply before
 * the next turn, until `turns` turns are done. Every user has its own conversation id (a new one every
 * ROTATE turns) and its own question; every reply is checked against both.
 */
export async function runTurns(port: number, conversations: Conversation[], concurrency: number, turns: number): Promise<TurnRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const expects = conversations.map((c) => c.expect);
  const result: TurnRun = { latencies: [], elapsedMs: 0, turns: 0, lost: 0, crossed: 0, unexpected: 0 };
  let issued = 0;
  let sequence = 0;
  const run = ++runCounter;
  const worker = async (w: number) => {
    const conv = conversations[w % conversations.length];
    let own = 0;
    while (issued < turns) {
      issued++;
      // A fresh conversation every ROTATE turns keeps each one under the bot's per-conversation rate limit.
      const conversationId = `${conv.id}-r${run}-w${w}-${Math.floor(own++ / ROTATE)}`;
      const activity = questionActivity(`bench-${w}-${++sequence}`, conversationId, `user-${w}`, conv.question);
      const started = process.hrtime.bigint();
      let replies: Reply[] = [];
      try {
        const res = await post(agent, port, JSON.stringify(activity));
        if (res.status === 200)
          replies = ((JSON.parse(res.body) as { activities?: Reply[] }).activities ?? []).filter((a) => a.type === 'message');
      } catch {
        replies = [];
      }
      result.latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      result.turns++;
      if (!replies.length) {
        result.lost++;
        continue;
      }
      judge(result, replies[0], conversationId, conv.expect, expects);
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  result.elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  agent.destroy();
  return result;
}

/**
 * The same closed-loop load against Lotse's web endpoint, as the chat page uses it: each simulated user
 * starts a conversation (POST /api/web/conversations, not timed: it is the welcome), then posts its
 * question with the conversation's token and gets the replies in the response. A reply must name the
 * user's own conversation and show its own answer.
 */
export async function runWebTurns(port: number, conversations: Conversation[], concurrency: number, turns: number): Promise<TurnRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const expects = conversations.map((c) => c.expect);
  const result: TurnRun = { latencies: [], elapsedMs: 0, turns: 0, lost: 0, crossed: 0, unexpected: 0 };
  let issued = 0;
  const worker = async (w: number) => {
    const conv = conversations[w % conversations.length];
    let own = 0;
    let session: { conversationId: string; token: string } | undefined;
    while (issued < turns) {
      issued++;
      if (!session || own++ % ROTATE === 0) {
        try {
          const res = await post(agent, port, '{}', '/api/web/conversations');
          session = res.status === 201 ? (JSON.parse(res.body) as { conversationId: string; token: string }) : undefined;
        } catch {
          session = undefined;
        }
      }
      const started = process.hrtime.bigint();
      let replies: Reply[] = [];
      try {
        if (session) {
          const res = await post(
            agent,
            port,
            JSON.stringify({ type: 'message', text: conv.question, locale: 'de-DE' }),
            `/api/web/conversations/${session.conversationId}/activities`,
            { authorization: `Bearer ${session.token}` },
          );
          if (res.status === 200) {
            const body = JSON.parse(res.body) as { token: string; activities?: Reply[] };
            session.token = body.token;
            replies = (body.activities ?? []).filter((a) => a.type === 'message');
          }
        }
      } catch {
        replies = [];
      }
      result.latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      result.turns++;
      if (!replies.length || !session) {
        result.lost++;
        continue;
      }
      judge(result, replies[0], session.conversationId, conv.expect, expects);
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  result.elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  agent.destroy();
  return result;
}
