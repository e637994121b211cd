import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface HttpLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

/**
 * Slow clients must not hold sockets: Node's own timeouts are set, but Node checks them only every 30 s
 * (connectionsCheckingInterval is fixed once restify has created the server), so a timer per connection
 * and per request enforces them promptly. Above maxConnections new sockets are closed at once.
 */
export function applyHttpLimits(server: Server, limits: HttpLimits): void {
  server.headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;

  // Headers of the first request on a connection; later requests on it are covered by keepAliveTimeout.
  const headerTimers = new WeakMap<Socket, NodeJS.Timeout>();
  server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => socket.destroy(), limits.headersTimeoutMs).unref();
    headerTimers.set(socket, timer);
    socket.once('close', () => clearTimeout(timer));
  });
  server.on('request', (req, res) => {
    clearTimeout(headerTimers.get(req.socket));
    const timer = setTimeout(() => {
      if (!req.complete) req.socket.destroy();
    }, limits.requestTimeoutMs).unref();
    const done = () => clearTimeout(timer);
    req.once('end', done);
    res.once('finish', done);
    res.once('close', done);
  });
}
