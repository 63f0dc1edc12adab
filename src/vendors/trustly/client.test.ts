import { createServer, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckContext } from '../../runner/check-context.ts';
import { RuleIncomplete } from '../../runner/rule-failure.ts';
import { listenTestServer, type TestServer } from '../../testing/listen-test-server.ts';
import { loadVendorSpec } from '../../openapi/index.ts';
import { TrustlyClient } from './client.ts';

// The spec documents one list answer; a target that pages anyway is read to its end, or the
// rule is incomplete.

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const customer = (n: number) => ({ customerId: String(n), merchantId: '1', createdAt: 1, updatedAt: 1, name: 'N', address: { country: 'US' }, phone: '+10000000000', email: 'a@example.com' });
const json = (res: ServerResponse, body: unknown, headers: Record<string, string> = {}) => res.writeHead(200, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

async function clientAgainst(answer: (res: ServerResponse, url: URL) => void, basePath = ''): Promise<{ client: TrustlyClient; requests: string[] }> {
  const requests: string[] = [];
  server = await listenTestServer(
    createServer((req, res) => {
      requests.push(req.url ?? '');
      answer(res, new URL(req.url ?? '/', 'http://x'));
    }),
  );
  const spec = await loadVendorSpec('trustly');
  const env = { TRUSTLY_ACCESS_ID: 'a', TRUSTLY_ACCESS_KEY: 'k' };
  const ctx = new CheckContext('trustly.customers.list.by-external-id', { vendor: 'trustly', baseUrl: `${server.url}${basePath}`, env, seed: 1, runs: 1, runId: 'r', timeoutMs: 5000, embedded: false }, spec, 1);
  return { client: new TrustlyClient(ctx, 'A'), requests };
}

describe('TrustlyClient.list', () => {
  it('reads a single answer as documented, and follows Link rel="next" pages under the base path', async () => {
    const { client, requests } = await clientAgainst((res, url) => {
      const page = Number(url.searchParams.get('page') ?? '1');
      json(res, { customers: [customer(page)] }, page < 3 ? { link: `<${url.pathname}?externalId=e&page=${page + 1}>; rel="next"` } : {});
    }, '/gw');
    const reply = await client.list({ externalId: 'e' });
    expect(reply.customers!.map((c) => c.customerId)).toEqual(['1', '2', '3']);
    expect(requests).toEqual(['/gw/api/v1/customers?externalId=e', '/gw/api/v1/customers?externalId=e&page=2', '/gw/api/v1/customers?externalId=e&page=3']);
  });

  it('is incomplete when the answer says there is more and names no way to it', async () => {
    const { client } = await clientAgainst((res) => json(res, { customers: [customer(1)], hasMore: true }));
    const error = await client.list({ externalId: 'e' }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(RuleIncomplete);
  });
});
