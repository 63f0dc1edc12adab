import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpSession } from './http-session.ts';
import { exchange, type Exchange } from './exchange.ts';
import { closedPort, listenTestServer, type TestServer } from '../testing/listen-test-server.ts';

// Each misbehaviour a live target may show on the wire, from a real socket on 127.0.0.1: the
// exchange must end with a clear error (and what did arrive), within its timeout plus a margin.

const TIMEOUT = 500;
const MARGIN = 1000;
let servers: TestServer[] = [];

afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** A raw TCP server that reads the request head, then does `onRequest` with the socket. */
async function tcp(onRequest: (socket: Socket) => void): Promise<TestServer> {
  const server = createNetServer((socket) => {
    let head = '';
    socket.on('data', (chunk) => {
      if (head.includes('\r\n\r\n')) return;
      head += chunk.toString('latin1');
      if (head.includes('\r\n\r\n')) onRequest(socket);
    });
  });
  const handle = await listenTestServer(server);
  servers.push(handle);
  return handle;
}

async function http(handler: Parameters<typeof createHttpServer>[1]): Promise<TestServer> {
  const handle = await listenTestServer(createHttpServer(handler));
  servers.push(handle);
  return handle;
}

async function timed(run: () => Promise<Exchange>): Promise<{ ex: Exchange; ms: number }> {
  const started = performance.now();
  const ex = await run();
  return { ex, ms: performance.now() - started };
}

const get = (url: string, timeoutMs = TIMEOUT) => timed(() => exchange({ baseUrl: url, method: 'GET', path: '/api/v1/customers', timeoutMs }));

describe('exchange() against a misbehaving server', () => {
  it('connection refused: the error names ECONNREFUSED (a POST is not retried)', async () => {
    const port = await closedPort();
    const { ex, ms } = await timed(() => exchange({ baseUrl: `http://127.0.0.1:${port}`, method: 'POST', path: '/x', json: {}, timeoutMs: TIMEOUT }));
    expect(ex.response).toBeUndefined();
    expect(ex.error).toMatch(/^ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    expect(ms).toBeLessThan(TIMEOUT + MARGIN);
  });

  it('connection refused on a GET: retried with back-off, then the same error, still bounded', async () => {
    const port = await closedPort();
    const { ex, ms } = await get(`http://127.0.0.1:${port}`);
    expect(ex.error).toMatch(/^ECONNREFUSED: .* \(4 tries\)$/);
    // Back-off of 250, 500 and 1000 ms at most (50–100% jitter).
    expect(ms).toBeLessThan(1750 + MARGIN);
  });

  it('accepts and never answers: ends at the per-request timeout with no response', async () => {
    const server = await tcp(() => {});
    const { ex, ms } = await get(server.url);
    expect(ex.response).toBeUndefined();
    expect(ex.error).toBe(`timeout: no response within ${TIMEOUT} ms (--timeout)`);
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT - 20);
    expect(ms).toBeLessThan(TIMEOUT + MARGIN);
    expect(server.connections).toBe(1); // a timeout is not retried
  });

  it('resets the connection mid-body: the partial response is kept and the error says the body was cut off', async () => {
    const server = await tcp((socket) => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"customer":{"id":');
      setTimeout(() => socket.resetAndDestroy(), 50);
    });
    const { ex, ms } = await get(server.url);
    expect(ex.response).toMatchObject({ status: 200, body: '{"customer":{"id":' });
    expect(ex.response?.json).toBeUndefined();
    expect(ex.error).toMatch(/^response body cut off after 18 bytes: (ECONNRESET|UND_ERR_SOCKET): /);
    expect(ms).toBeLessThan(TIMEOUT + MARGIN);
    expect(server.connections).toBe(1); // an answer had begun: never retried
  });

  it('closes early, short of its content-length: truncated JSON is reported as a cut-off body', async () => {
    const server = await tcp((socket) => {
      socket.end('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"customer":{"id":"c1"');
    });
    const { ex, ms } = await get(server.url);
    expect(ex.response?.body).toBe('{"customer":{"id":"c1"');
    expect(ex.error).toMatch(/^response body cut off after 22 bytes: /);
    expect(ms).toBeLessThan(TIMEOUT + MARGIN);
  });

  it('answers complete but truncated JSON: no transport error; the text is kept, json is undefined (callers validate)', async () => {
    const server = await http((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"customer":{"id":"c1"');
    });
    const { ex } = await get(server.url);
    expect(ex.error).toBeUndefined();
    expect(ex.response).toMatchObject({ status: 200, body: '{"customer":{"id":"c1"' });
    expect(ex.response?.json).toBeUndefined();
  });

  it.each([
    ['with a JSON content type', { 'content-type': 'application/json' }],
    ['with an HTML content type', { 'content-type': 'text/html; charset=utf-8' }],
    ['without a content type', {}],
  ])('answers HTML %s: the text is kept, json is undefined, no transport error', async (_name, headers) => {
    const html = '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>';
    const server = await http((_req, res) => {
      res.writeHead(200, headers);
      res.end(html);
    });
    const { ex } = await get(server.url);
    expect(ex.error).toBeUndefined();
    expect(ex.response?.body).toBe(html);
    expect(ex.response?.json).toBeUndefined();
  });

  it('sends an endless body: reading stops at 8 MiB, the stream is destroyed, and the error says so', async () => {
    let served = 0;
    let aborted = false;
    const server = await http((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) served += chunk.length;
      };
      res.on('drain', pump);
      res.on('close', () => (aborted = true));
      req.on('error', () => {});
      pump();
    });
    const { ex, ms } = await timed(() => exchange({ baseUrl: server.url, method: 'GET', path: '/', timeoutMs: 5000 }));
    expect(ex.error).toBe('response body over 8 MiB');
    expect(ex.response?.status).toBe(200);
    expect(ex.response?.body.length).toBe(64 * 1024); // what the record keeps of it
    expect(ms).toBeLessThan(5000);
    await expect.poll(() => aborted).toBe(true);
    expect(served).toBeLessThan(64 * 1024 * 1024);
  });

  it('drips the body a byte at a time: the per-request timeout covers the body, not only idle gaps', async () => {
    // A byte every 100 ms: an idle (between-chunks) timeout alone would never fire.
    const server = await tcp((socket) => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n');
      const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write(' ')), 100);
      socket.on('close', () => clearInterval(timer));
    });
    const { ex, ms } = await get(server.url, 700);
    expect(ex.response?.status).toBe(200);
    expect(ex.error).toMatch(/^timeout: response body incomplete after 700 ms \(--timeout\), \d+ bytes received$/);
    expect(ms).toBeGreaterThanOrEqual(680);
    expect(ms).toBeLessThan(700 + MARGIN);
  });

  it('drips one byte a second: ends at the timeout too', async () => {
    const server = await tcp((socket) => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-length: 1000\r\n\r\n{');
      const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write(' ')), 1000);
      socket.on('close', () => clearInterval(timer));
    });
    const { ex, ms } = await get(server.url, 600);
    expect(ex.error).toMatch(/^timeout: response body incomplete after 600 ms \(--timeout\), 1 bytes received$/);
    expect(ms).toBeLessThan(600 + MARGIN);
  });

  it('closes the connection without answering: a GET is retried, a POST is not', async () => {
    const server = await tcp((socket) => socket.destroy());
    const session = new HttpSession({ backoffBaseMs: 10 });
    const post = await exchange({ session, baseUrl: server.url, method: 'POST', path: '/', json: {}, timeoutMs: TIMEOUT });
    expect(post.error).toMatch(/^(UND_ERR_SOCKET|ECONNRESET): /);
    expect(server.connections).toBe(1);
    const get = await exchange({ session, baseUrl: server.url, method: 'GET', path: '/', timeoutMs: TIMEOUT });
    expect(get.error).toMatch(/^(UND_ERR_SOCKET|ECONNRESET): .*\(4 tries\)$/);
    expect(server.connections).toBe(5);
  });
});
