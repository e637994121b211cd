import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const AZURITE = path.resolve(__dirname, '../../node_modules/.bin/azurite-blob');
// Azurite's well-known development account (public, documented by Microsoft).
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Waits until the port accepts (or refuses) connections; a slow, busy machine gets time, a crashed Azurite does not. */
export async function waitForPort(port: number, up: boolean, proc?: ChildProcess, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open === up) return;
    if (up && proc && proc.exitCode !== null) throw new Error(`Azurite exited with code ${proc.exitCode} before listening on port ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Azurite port ${port} did not become ${up ? 'ready' : 'free'} within ${timeoutMs / 1000} s`);
}

/**
 * A real Azurite blob service on a free loopback port, persisted to a temporary folder (so stop and start is an
 * outage, not data loss). `remove()` stops it and deletes the folder once Azurite has exited.
 */
export async function startAzurite(): Promise<{
  connectionString: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  remove(): Promise<void>;
}> {
  const port = await freePort();
  const location = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-azurite-'));
  let proc: ChildProcess | undefined;
  const start = async () => {
    const args = [
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      '--location',
      location,
      '--disableTelemetry',
      '--skipApiVersionCheck',
      '--silent',
    ];
    proc = spawn(AZURITE, args, { stdio: 'ignore' });
    await waitForPort(port, true, proc);
  };
  const stop = async () => {
    const running = proc;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((r) => running.once('exit', r));
    running.kill('SIGTERM');
    await exited;
    await waitForPort(port, false);
  };
  await start();
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEV_KEY};BlobEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`,
    start,
    stop,
    remove: async () => {
      await stop();
      fs.rmSync(location, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}
