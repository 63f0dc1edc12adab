import { createServer, request } from 'node:http';
import { listen } from './http-kit.ts';

// Test support: a pass-through in front of a mock that counts what a run sends, by method and
// path, to measure a run's footprint from outside it. The Host header is forwarded unchanged, so
// signatures made for the proxy's address verify at the mock.

export interface CountingProxy {
  url: string;
  /** Requests by `METHOD /path` (query dropped, ids kept). */
  requests: Map<string, number>;
  /** POST, PUT, PATCH and DELETE requests. */
  writes(): number;
  close(): Promise<void>;
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const to = new URL(target);
  const requests = new Map<string, number>();
  const server = createServer((req, res) => {
    const key = `${req.method} ${(req.url ?? '/').split('?')[0]}`;
    requests.set(key, (requests.get(key) ?? 0) + 1);
    const forward = request({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  const url = await listen(server, 0, '127.0.0.1');
  return {
    url,
    requests,
    writes: () => [...requests].filter(([key]) => /^(POST|PUT|PATCH|DELETE) /.test(key)).reduce((sum, [, n]) => sum + n, 0),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
