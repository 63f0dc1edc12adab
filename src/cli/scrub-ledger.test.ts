import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { hawkSigner } from '../auth/index.ts';
import { HttpSession } from '../http/http-session.ts';
import { listenTestServer, type TestServer } from '../testing/listen-test-server.ts';
import type { ResultsDocument } from '../results/results.ts';
import { scrubLedger, scrubSummary } from './scrub-ledger.ts';

// The scrub's bookkeeping: what it sends for whom, what it skips, and that a target which stops
// answering is not tried again for every remaining record.

const ENV = { TRUSTIST_KEY_ID: 'a-id', TRUSTIST_KEY_SECRET: 'a-secret' };

function ledger(created: ResultsDocument['created']): ResultsDocument {
  return { created, vendor: 'trustist' } as ResultsDocument;
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('scrubLedger', () => {
  it('clears each unscrubbed record with its owner key, skips scrubbed ones and owners without a key', async () => {
    const seen: { method?: string; url?: string; body: string }[] = [];
    server = await listenTestServer(
      createServer((req, res) => {
        let body = '';
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => {
          seen.push({ method: req.method, url: req.url, body });
          res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        });
      }),
    );
    const document = ledger([
      { id: 'one', owner: 'tenantA', scrubbed: false },
      { id: 'two', owner: 'tenantA', scrubbed: true },
      { id: 'three', owner: 'tenantB', scrubbed: false },
    ]);
    const outcome = await scrubLedger(document, { baseUrl: server.url, env: ENV, signer: hawkSigner, timeoutMs: 2000, session: new HttpSession({ maxRetries: 0 }) });
    expect(seen).toEqual([{ method: 'PUT', url: '/v1/customers/one', body: JSON.stringify({ firstName: null, lastName: null, emailAddress: null, dateOfBirth: null, address: null }) }]);
    expect(document.created).toEqual([
      { id: 'one', owner: 'tenantA', scrubbed: true },
      { id: 'two', owner: 'tenantA', scrubbed: true },
      { id: 'three', owner: 'tenantB', scrubbed: false },
    ]);
    expect(scrubSummary('trustist', outcome)).toEqual([
      'trustist: scrubbed 1 of 3 created records (1 already scrubbed), 1 left',
      '  1 not scrubbed: needs TRUSTIST_TENANT_B_KEY_ID and TRUSTIST_TENANT_B_KEY_SECRET',
    ]);
  });

  it('stops at the first record the target does not answer for: the rest are left, not each tried', async () => {
    server = await listenTestServer(createServer((req) => req.socket.destroy()));
    const document = ledger(['a', 'b', 'c'].map((id) => ({ id, owner: 'tenantA', scrubbed: false })));
    const outcome = await scrubLedger(document, { baseUrl: server.url, env: ENV, signer: hawkSigner, timeoutMs: 2000, session: new HttpSession({ maxRetries: 0 }) });
    expect(server.connections).toBe(1);
    expect(outcome.scrubbed).toBe(0);
    expect(outcome.left.map((l) => l.id)).toEqual(['a', 'b', 'c']);
    expect(outcome.left[2]!.why).toMatch(/^not sent after ".*"; run conform cleanup later$/);
  });
});
