import { createServer, request } from 'node:http';
import { listenTestServer, type TestServer } from './listen-test-server.ts';

/**
 * A pass-through in front of `target` that holds each request `delayMs` before passing it on:
 * it paces a client that sends as fast as it can (the busy account's other writer), so that what
 * the client adds grows with the time a run takes, not with how fast the machine answers. The
 * Host header is forwarded unchanged, so signatures made for the proxy's address verify.
 */
export async function startDelayingProxy(target: string, delayMs: number): Promise<TestServer> {
  const to = new URL(target);
  return listenTestServer(
    createServer((req, res) => {
      setTimeout(() => {
        const forward = request({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        forward.on('error', () => res.destroy());
        req.pipe(forward);
      }, delayMs);
    }),
  );
}
