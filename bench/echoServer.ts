import restify from 'restify';

/**
 * The baseline for the turn figures: a plain restify server with the same body parser that answers every
 * activity at once with one reply in its conversation, as an expectReplies response. Started like the bot
 * (child process, 127.0.0.1:0, port over IPC) and measured by the same load generator.
 */
const server = restify.createServer({ name: 'echo', handleUncaughtExceptions: false });
server.post(
  '/api/messages',
  restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }),
  async (req: restify.Request, res: restify.Response) => {
    const activity = req.body as { conversation?: { id?: string }; text?: string };
    res.send(200, { activities: [{ type: 'message', conversation: activity.conversation, text: activity.text }] });
  },
);
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as { port: number }).port });
});
process.on('message', (msg: { cmd?: string }) => {
  if (msg?.cmd === 'rss') process.send?.({ rss: process.memoryUsage().rss });
});
process.on('disconnect', () => process.exit(0));
