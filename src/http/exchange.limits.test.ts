import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Signer } from '../auth/signer.ts';
import { HttpSession } from './http-session.ts';
import { exchange } from './exchange.ts';
import { listenTestServer, type TestServer } from '../testing/listen-test-server.ts';

// The run's limits, applied inside exchange(): rate cap, write budget, deadline, and retries
// after 429/503 honouring Retry-After. Wall-clock assertions are lower bounds only, bar the
// deadline's, which is the point of a deadline.

let servers: TestServer[] = [];
let session = new HttpSession();
beforeEach(() => {
  session = new HttpSession();
});
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

interface Seen {
  method: string;
  at: number;
  authorization?: string;
}

/** An HTTP server answering with `answer(n)` for its n-th request (0-based); records what it saw. */
async function server(answer: (n: number, req: IncomingMessage, res: ServerResponse) => void = (_n, _req, res) => res.end('{}')) {
  const seen: Seen[] = [];
  const handle = await listenTestServer(
    createServer((req, res) => {
      seen.push({ method: req.method ?? '', at: Date.now(), authorization: req.headers.authorization });
      req.resume();
      answer(seen.length - 1, req, res);
    }),
  );
  servers.push(handle);
  return { ...handle, seen };
}

describe('request-rate cap (rps)', () => {
  it('spaces requests 1/rps apart, concurrent ones included: N requests take at least (N-1)/rps seconds', async () => {
    const target = await server();
    session = new HttpSession({ rps: 10 });
    const started = Date.now();
    await Promise.all(Array.from({ length: 6 }, () => exchange({ session, baseUrl: target.url, method: 'GET', path: '/' })));
    expect(Date.now() - started).toBeGreaterThanOrEqual(490);
    // The k-th request (0-based) cannot reach the server before k/rps seconds have passed.
    const arrivals = target.seen.map((s) => s.at - started).sort((a, b) => a - b);
    arrivals.forEach((at, k) => expect(at).toBeGreaterThanOrEqual(k * 100 - 10));
  });

  it('holds across sequential calls through one session', async () => {
    const target = await server();
    session = new HttpSession({ rps: 5 });
    const started = Date.now();
    for (let i = 0; i < 4; i++) {
      await exchange({ session, baseUrl: target.url, method: 'GET', path: '/' });
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(590);
  });
});

describe('write budget (maxWrites)', () => {
  it('refuses writes past the budget without sending them; reads still go', async () => {
    const target = await server();
    session = new HttpSession({ maxWrites: 2 });
    const first = await exchange({ session, baseUrl: target.url, method: 'POST', path: '/customers', json: { a: 1 } });
    const second = await exchange({ session, baseUrl: target.url, method: 'put', path: '/customers/1', json: { a: 2 } });
    const third = await exchange({ session, baseUrl: target.url, method: 'DELETE', path: '/customers/1' });
    const patch = await exchange({ session, baseUrl: target.url, method: 'PATCH', path: '/customers/1', json: {} });
    const read = await exchange({ session, baseUrl: target.url, method: 'GET', path: '/customers' });
    expect([first.response?.status, second.response?.status]).toEqual([200, 200]);
    expect(third).toMatchObject({ error: 'write budget of 2 exhausted (--max-writes)', request: { method: 'DELETE' } });
    expect(third.response).toBeUndefined();
    expect(patch.error).toBe('write budget of 2 exhausted (--max-writes)');
    expect(read.response?.status).toBe(200);
    expect(target.seen.map((s) => s.method)).toEqual(['POST', 'PUT', 'GET']);
  });

  it('a budget of 0 makes the run read-only', async () => {
    const target = await server();
    session = new HttpSession({ maxWrites: 0 });
    expect((await exchange({ session, baseUrl: target.url, method: 'POST', path: '/', json: {} })).error).toBe('write budget of 0 exhausted (--max-writes)');
    expect(target.seen).toEqual([]);
  });

  it('a write retried after 503 takes one write of the budget', async () => {
    const target = await server((n, _req, res) => {
      res.writeHead(n === 0 ? 503 : 200, { 'retry-after': '0' }).end('{}');
    });
    session = new HttpSession({ maxWrites: 1 });
    expect((await exchange({ session, baseUrl: target.url, method: 'POST', path: '/', json: {} })).response?.status).toBe(200);
    expect(target.seen.map((s) => s.method)).toEqual(['POST', 'POST']);
    expect((await exchange({ session, baseUrl: target.url, method: 'POST', path: '/', json: {} })).error).toMatch(/write budget of 1 exhausted/);
  });
});

describe('run deadline (deadlineAt)', () => {
  it('cuts an exchange in flight at the deadline and sends nothing after it', async () => {
    const target = await server(() => {}); // never answers
    session = new HttpSession({ deadlineAt: Date.now() + 300 });
    const started = Date.now();
    const inFlight = await exchange({ session, baseUrl: target.url, method: 'GET', path: '/', timeoutMs: 5000 });
    expect(inFlight.error).toBe('run deadline reached (--deadline) with no response yet');
    expect(Date.now() - started).toBeLessThan(300 + 1000);
    const after = await exchange({ session, baseUrl: target.url, method: 'POST', path: '/', json: {} });
    expect(after.error).toBe('run deadline reached (--deadline)');
    // Refused before any connection: far quicker than any round trip (generous for a loaded machine).
    expect(after.durationMs).toBeLessThan(1000);
    expect(target.seen).toHaveLength(1);
  });

  it('does not wait for a rate-cap turn that comes after the deadline', async () => {
    const target = await server();
    session = new HttpSession({ rps: 1, deadlineAt: Date.now() + 500 });
    const [a, b] = await Promise.all([0, 1].map(() => exchange({ session, baseUrl: target.url, method: 'GET', path: '/' })));
    expect(a!.response?.status).toBe(200);
    expect(b!.error).toBe('run deadline reached (--deadline)');
    expect(b!.durationMs).toBeLessThan(100);
  });

  it('does not sleep past the deadline for a Retry-After', async () => {
    const target = await server((_n, _req, res) => res.writeHead(503, { 'retry-after': '20' }).end());
    session = new HttpSession({ deadlineAt: Date.now() + 1000 });
    const ex = await exchange({ session, baseUrl: target.url, method: 'GET', path: '/' });
    expect(ex.response?.status).toBe(503);
    expect(ex.error).toBe('run deadline reached (--deadline) before retrying a 503');
    expect(ex.durationMs).toBeLessThan(500);
    expect(target.seen).toHaveLength(1);
  });
});

describe('retry after 429 and 503', () => {
  it('503 with Retry-After: 1, then 200: waits at least a second and returns the 200', async () => {
    const target = await server((n, _req, res) => (n === 0 ? res.writeHead(503, { 'retry-after': '1' }).end('busy') : res.end('{"ok":true}')));
    const ex = await exchange({ session, baseUrl: target.url, method: 'GET', path: '/' });
    expect(ex.error).toBeUndefined();
    expect(ex.response).toMatchObject({ status: 200, json: { ok: true } });
    expect(target.seen).toHaveLength(2);
    expect(target.seen[1]!.at - target.seen[0]!.at).toBeGreaterThanOrEqual(990);
  });

  it('429 with an HTTP-date Retry-After: waits until that moment (a POST too: 429 means not processed)', async () => {
    let until = 0;
    const target = await server((n, _req, res) => {
      if (n > 0) return res.end('{}');
      // HTTP dates have whole seconds: two seconds ahead, rounded down, is 1–2 s away.
      const date = new Date(Date.now() + 2000);
      until = Math.floor(date.getTime() / 1000) * 1000;
      res.writeHead(429, { 'retry-after': date.toUTCString() }).end();
    });
    const ex = await exchange({ session, baseUrl: target.url, method: 'POST', path: '/', json: {} });
    expect(ex.response?.status).toBe(200);
    expect(target.seen.map((s) => s.method)).toEqual(['POST', 'POST']);
    expect(target.seen[1]!.at).toBeGreaterThanOrEqual(until - 10);
  });

  it('gives up after 3 retries and returns the last 503 as the answer', async () => {
    const target = await server((_n, _req, res) => res.writeHead(503).end('down'));
    session = new HttpSession({ backoffBaseMs: 10 });
    const ex = await exchange({ session, baseUrl: target.url, method: 'GET', path: '/' });
    expect(ex.response).toMatchObject({ status: 503, body: 'down' });
    expect(ex.error).toBeUndefined();
    expect(target.seen).toHaveLength(4);
  });

  it('does not retry other statuses, nor at all with maxRetries 0', async () => {
    const target = await server((n, _req, res) => res.writeHead(n === 0 ? 500 : 503).end());
    session = new HttpSession({ maxRetries: 0 });
    expect((await exchange({ session, baseUrl: target.url, method: 'GET', path: '/' })).response?.status).toBe(500);
    expect((await exchange({ session, baseUrl: target.url, method: 'GET', path: '/' })).response?.status).toBe(503);
    expect(target.seen).toHaveLength(2);
  });

  it('signs each try afresh and records the try that was answered', async () => {
    const target = await server((n, _req, res) => (n === 0 ? res.writeHead(429, { 'retry-after': '0' }).end() : res.end('{}')));
    let signed = 0;
    const signer: Signer = () => ({ authorization: `Test nonce-${++signed}` });
    const ex = await exchange({ session, baseUrl: target.url, method: 'GET', path: '/', signer, credentials: { id: 'i', secret: 's' } });
    expect(target.seen.map((s) => s.authorization)).toEqual(['Test nonce-1', 'Test nonce-2']);
    expect(ex.request.headers.authorization).toBe('Test nonce-2');
  });

  it('a signer that throws ends as an error on the record, not a rejection', async () => {
    const signer: Signer = () => {
      throw new Error('no key');
    };
    const ex = await exchange({ session, baseUrl: 'http://127.0.0.1:9', method: 'GET', path: '/', signer, credentials: { id: 'i', secret: 's' } });
    expect(ex.error).toBe('no key');
  });
});

describe('HttpSession', () => {
  it('refuses nonsense limits, naming the field', () => {
    expect(() => new HttpSession({ rps: 0 })).toThrow(/rps must be a number greater than 0/);
    expect(() => new HttpSession({ maxWrites: 1.5 })).toThrow(/maxWrites/);
    expect(() => new HttpSession({ deadlineAt: Number.NaN })).toThrow(/deadlineAt/);
  });

  it('keeps its limits and spending to itself: another session is not bound by them', async () => {
    const target = await server();
    session = new HttpSession({ maxWrites: 0 });
    session.stop('run stopped: test');
    expect((await exchange({ session, baseUrl: target.url, method: 'GET', path: '/' })).error).toBe('run stopped: test');
    const other = await exchange({ session: new HttpSession(), baseUrl: target.url, method: 'POST', path: '/', json: {} });
    expect(other.response?.status).toBe(200);
    expect(target.seen.map((s) => s.method)).toEqual(['POST']);
  });
});
