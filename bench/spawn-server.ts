import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface SpawnedServer {
  url: string;
  credentials: Record<string, string>;
  child: ChildProcess;
  /** The server process's memory, after a full GC (the child runs with --expose-gc). */
  memory(): Promise<NodeJS.MemoryUsage>;
  /** CPU time the server process has used so far (user + system), after a full GC. */
  cpu(): Promise<NodeJS.CpuUsage>;
  /** CPU time the server process has used so far, user + system, in µs; no GC is forced. */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Forks a bench server script (serve-mock.ts, bare-server.ts) under tsx with an IPC channel and
 * waits for the { url } message it sends once it listens. `execArgv` adds node options (e.g.
 * --cpu-prof to profile the server under load).
 */
export function spawnServer(script: string, args: string[] = [], env: Record<string, string> = {}, execArgv: string[] = []): Promise<SpawnedServer> {
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), args, {
    execArgv: ['--import', 'tsx', '--expose-gc', ...execArgv],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const early = (code: number | null) => reject(new Error(`${script} exited with ${code} before it listened`));
    child.once('exit', early);
    child.once('error', reject);
    child.once('message', (message) => {
      child.off('exit', early);
      const { url, credentials } = message as { url: string; credentials?: Record<string, string> };
      resolve({
        url,
        credentials: credentials ?? {},
        child,
        memory: () => measure(child).then((m) => m.memory),
        cpu: () => measure(child).then((m) => m.cpu),
        cpuMicros: () => cpuOnly(child).then((c) => c.user + c.system),
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.disconnect();
            setTimeout(() => child.kill(), 2000).unref();
          }),
      });
    });
  });
}

interface Measurement {
  memory: NodeJS.MemoryUsage;
  cpu: NodeJS.CpuUsage;
}

function measure(child: ChildProcess): Promise<Measurement> {
  return new Promise((resolve) => {
    const on = (reply: unknown) => {
      if (typeof reply !== 'object' || reply === null || !('memory' in reply)) return;
      child.off('message', on);
      resolve(reply as Measurement);
    };
    child.on('message', on);
    child.send('measure');
  });
}

function cpuOnly(child: ChildProcess): Promise<NodeJS.CpuUsage> {
  return new Promise((resolve) => {
    const on = (reply: unknown) => {
      if (typeof reply !== 'object' || reply === null || !('cpuOnly' in reply)) return;
      child.off('message', on);
      resolve((reply as { cpuOnly: NodeJS.CpuUsage }).cpuOnly);
    };
    child.on('message', on);
    child.send('cpu');
  });
}
