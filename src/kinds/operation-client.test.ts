import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { hawkSigner } from '../auth/hawk-signer.ts';
import { nextPageOf } from '../http/next-page.ts';
import { loadVendorSpec } from '../openapi/index.ts';
import { CheckContext } from '../runner/check-context.ts';
import { RuleIncomplete } from '../runner/rule-failure.ts';
import { listenTestServer, type TestServer } from '../testing/listen-test-server.ts';
import { MAX_PAGES } from './list-pages.ts';
import { listOf } from './list-shape.ts';
import { OperationClient } from './operation-client.ts';

// Reading a whole list however the target pages it (the spec documents no paging), and never
// judging a rule on a list it could not read to its end.

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const customer = (n: number) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, created: '2026-01-01T00:00:00Z', lastUpdated: '2026-01-01T00:00:00Z' });

async function clientAgainst(answer: (req: IncomingMessage, res: ServerResponse, url: URL) => void, basePath = ''): Promise<{ client: OperationClient; requests: string[] }> {
  const requests: string[] = [];
  server = await listenTestServer(
    createServer((req, res) => {
      requests.push(req.url ?? '');
      answer(req, res, new URL(req.url ?? '/', 'http://x'));
    }),
  );
  const spec = await loadVendorSpec('trustist');
  const env = { TRUSTIST_KEY_ID: 'k', TRUSTIST_KEY_SECRET: 's' };
  const ctx = new CheckContext('trustist.customers.list.org-filter', { vendor: 'trustist', baseUrl: `${server.url}${basePath}`, env, seed: 1, runs: 1, runId: 'r', timeoutMs: 5000, embedded: false, signer: hawkSigner }, spec, 1);
  return { client: new OperationClient(ctx, 'tenantA'), requests };
}

const json = (res: ServerResponse, body: unknown, headers: Record<string, string> = {}) => res.writeHead(200, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
const failure = (run: Promise<unknown>) => run.then(() => undefined, (error: unknown) => error);
const list = (client: OperationClient, options = {}) => client.call('listCustomers', options);

describe('OperationClient lists', () => {
  it('follows Link rel="next" headers under the base path to the last page', async () => {
    const { client, requests } = await clientAgainst((_req, res, url) => {
      const page = Number(url.searchParams.get('page') ?? '1');
      const next: Record<string, string> = page < 3 ? { link: `<${url.pathname}?orgId=o&page=${page + 1}>; rel="next", <${url.pathname}?page=1>; rel="first"` } : {};
      json(res, [customer(page)], next);
    }, '/gw');
    const reply = await client.listByTag('o');
    expect(reply.records?.map((c) => c.id)).toEqual([customer(1).id, customer(2).id, customer(3).id]);
    expect(requests).toEqual(['/gw/v1/customers?orgId=o', '/gw/v1/customers?orgId=o&page=2', '/gw/v1/customers?orgId=o&page=3']);
  });

  it('reads only the first page when asked, with its shape', async () => {
    const { client, requests } = await clientAgainst((_req, res) => json(res, { customers: [customer(1)], total: 9 }, { link: '</v1/customers?page=2>; rel="next"' }));
    const reply = await list(client, { firstPage: true });
    expect(reply.shape).toEqual({ kind: 'object', key: 'customers', otherFields: ['total'] });
    expect(reply.records).toHaveLength(1);
    expect(requests).toHaveLength(1);
  });

  it('follows page numbers the body shows, and a body token', async () => {
    const { client } = await clientAgainst((_req, res, url) => {
      const page = Number(url.searchParams.get('page') ?? '1');
      json(res, { items: [customer(page)], page, totalPages: 2 });
    });
    expect((await list(client)).records).toHaveLength(2);
    await server!.close();
    const tokens = await clientAgainst((_req, res, url) => json(res, url.searchParams.has('nextPageToken') ? { results: [customer(2)] } : { results: [customer(1)], nextPageToken: 't' }));
    expect((await list(tokens.client)).records).toHaveLength(2);
    expect(tokens.requests).toEqual(['/v1/customers', '/v1/customers?nextPageToken=t']);
  });

  it('is incomplete, not passed, when the answer says there is more and names no way to it', async () => {
    const { client } = await clientAgainst((_req, res) => json(res, { items: [customer(1)], hasMore: true }));
    const error = await failure(list(client));
    expect(error).toBeInstanceOf(RuleIncomplete);
    expect((error as Error).message).toMatch(/could not be read to its end: the answer says hasMore: true/);
  });

  it('is incomplete when the next page is on another origin (a signed request never leaves the target)', async () => {
    const { client, requests } = await clientAgainst((_req, res) => json(res, [customer(1)], { link: '<https://elsewhere.example/v1/customers?page=2>; rel="next"' }));
    expect(await failure(list(client))).toBeInstanceOf(RuleIncomplete);
    expect(requests).toHaveLength(1);
  });

  it(`is incomplete past ${MAX_PAGES} pages, and when a next link loops back`, async () => {
    const { client, requests } = await clientAgainst((_req, res, url) => {
      const page = Number(url.searchParams.get('page') ?? '1');
      json(res, [customer(page)], { link: `</v1/customers?page=${page + 1}>; rel="next"` });
    });
    expect(((await failure(list(client))) as Error).message).toMatch(new RegExp(`more than ${MAX_PAGES} pages`));
    expect(requests).toHaveLength(MAX_PAGES);
    await server!.close();
    const looping = await clientAgainst((_req, res) => json(res, [customer(1)], { link: '</v1/customers>; rel="next"' }));
    expect(((await failure(list(looping.client))) as Error).message).toMatch(/goes back to a page already read/);
  });
});

describe('listOf', () => {
  const c = { id: 'x' };
  it('reads a bare array, the one array of an object, or the envelope x-conform names', () => {
    expect(listOf([c], undefined)).toEqual({ records: [c], shape: { kind: 'array' } });
    expect(listOf({ items: [c], total: 1 }, undefined)).toEqual({ records: [c], shape: { kind: 'object', key: 'items', otherFields: ['total'] } });
    expect(listOf({ customers: [c], errors: [] }, 'customers')?.records).toEqual([c]);
  });

  it('reads nothing it cannot tell apart: no array, two arrays, or a bare array where an envelope is named', () => {
    expect(listOf({ page: 1 }, undefined)).toBeUndefined();
    expect(listOf({ a: [c], b: [c] }, undefined)).toBeUndefined();
    expect(listOf([c], 'customers')).toBeUndefined();
  });
});

describe('nextPageOf', () => {
  it('reads rel="next" among other relations, and nothing from a header without one', () => {
    expect(nextPageOf('<https://a.example/x?page=2>; rel="next", <https://a.example/x?page=9>; rel="last"')).toEqual({ link: 'https://a.example/x?page=2' });
    expect(nextPageOf('<https://a.example/x?page=1>; rel="prev"')).toBeUndefined();
    expect(nextPageOf(undefined)).toBeUndefined();
  });
});
