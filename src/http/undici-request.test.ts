import { createServer } from 'node:http';
import { Agent, getGlobalDispatcher, MockAgent, request, setGlobalDispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenTestServer, type TestServer } from '../testing/listen-test-server.ts';
import { undiciRequest } from './undici-request.ts';

// undiciRequest loads two of undici's files instead of its index: what it sends, and where it
// sends it, must be what undici's own request() sends and where.

let server: TestServer;
const seen: { url: string; host: string; method: string; body: string }[] = [];

beforeAll(async () => {
  server = await listenTestServer(
    createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        seen.push({ url: req.url ?? '', host: req.headers.host ?? '', method: req.method ?? '', body });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ ok: true }));
      });
    }),
  );
});
afterAll(() => server.close());

describe('undiciRequest', () => {
  it("sends the request-target, Host, method and body that undici's request() sends for the same URL", async () => {
    // Characters the legacy URL parser would escape again, an encoded one, a query with a bar.
    const url = new URL(`${server.url}/v1/customers/a%7Cb/{x}^?filter=a|b&q=%20`);
    seen.length = 0;
    const mine = await undiciRequest(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    const theirs = await request(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(mine.statusCode).toBe(200);
    expect(await mine.body.json()).toEqual({ ok: true });
    await theirs.body.dump();
    expect(seen).toHaveLength(2);
    expect(seen[0]).toEqual(seen[1]);
  });

  it('uses the dispatcher it is given, and otherwise the global one that undici.setGlobalDispatcher sets', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    agent.get('http://conform.invalid').intercept({ path: '/given', method: 'GET' }).reply(201, 'given');
    const given = await undiciRequest(new URL('http://conform.invalid/given'), { method: 'GET', dispatcher: agent });
    expect([given.statusCode, await given.body.text()]).toEqual([201, 'given']);

    const previous = getGlobalDispatcher();
    const global = new MockAgent();
    global.disableNetConnect();
    global.get('http://conform.invalid').intercept({ path: '/global?x=1', method: 'GET' }).reply(202, 'global');
    setGlobalDispatcher(global);
    try {
      const answer = await undiciRequest(new URL('http://conform.invalid/global?x=1'), { method: 'GET' });
      expect([answer.statusCode, await answer.body.text()]).toEqual([202, 'global']);
    } finally {
      setGlobalDispatcher(previous);
      await Promise.all([agent.close(), global.close()]);
    }
  });

  it("refuses a URL that is not http or https with undici's own error, as request() does", async () => {
    const url = new URL('ftp://127.0.0.1/file');
    // Both throw at the call, before any promise: exchange() catches either way.
    const failure = (send: () => Promise<unknown>) => Promise.resolve().then(send).catch((error: Error) => error);
    const theirs = await failure(() => request(url, { dispatcher: new Agent() }));
    const mine = await failure(() => undiciRequest(url, { method: 'GET' }));
    expect(theirs).toBeInstanceOf(Error);
    expect(mine).toBeInstanceOf(Error);
    expect([(mine as Error & { code?: string }).code, (mine as Error).message]).toEqual([(theirs as Error & { code?: string }).code, (theirs as Error).message]);
  });
});
