import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PRISM = join(ROOT, 'node_modules', '.bin', 'prism');

export interface RunningPrism {
  url: string;
  /** @stoplight/prism-cli's version, as installed. */
  version: string;
  stop(): Promise<void>;
}

/**
 * Starts `prism mock <spec> -p <port>` as a user would (default options), its output going to a
 * log file rather than a pipe the benchmark would have to drain, and waits until the port
 * accepts connections. A Prism that cannot serve the spec rejects with its own last words.
 */
export async function startPrism(specPath: string, timeoutMs = 60_000): Promise<RunningPrism> {
  const port = await freePort();
  const logFile = join(tmpdir(), `conform-bench-prism-${process.pid}-${port}.log`);
  const fd = openSync(logFile, 'w');
  const child = spawn(PRISM, ['mock', specPath, '-p', String(port), '-h', '127.0.0.1'], { cwd: ROOT, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const lastWords = () => readFileSync(logFile, 'utf8').trim().split('\n').slice(-8).join('\n');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      const words = lastWords();
      rmSync(logFile, { force: true });
      throw new Error(`prism exited with ${child.exitCode} before listening:\n${words}`);
    }
    if (await accepts(port)) break;
    if (Date.now() > deadline) {
      const words = lastWords();
      await stop(child, logFile);
      throw new Error(`prism did not listen within ${timeoutMs} ms:\n${words}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const { version } = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@stoplight', 'prism-cli', 'package.json'), 'utf8')) as { version: string };
  return { url: `http://127.0.0.1:${port}`, version, stop: () => stop(child, logFile) };
}

function stop(child: ChildProcess, logFile: string): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  }).finally(() => rmSync(logFile, { force: true }));
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
