import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCountingProxy } from '../mock/counting-proxy.ts';
import { startMock } from '../mock/start-mock.ts';
import { ledgerOf, type CreatedRecord, type ResultsDocument } from '../results/results.ts';
import type { Vendor } from '../openapi/vendors.ts';
import { DEFAULT_TARGET_MAX_WRITES } from './run-options.ts';
import { runConform } from '../testing/run-conform.ts';

// A live run's footprint, measured from outside: a default run against a mock started here (so a
// live target, not the embedded one) behind a proxy that counts every request. The run's writes
// stay within the default budget, every record it made is in its ledger with the role that owns
// it, and afterwards none of them holds the personal data the checks wrote; with --keep-data
// they do, until `conform cleanup`, which a second time sends nothing.

const conform = (args: string[], env: Record<string, string> = {}) => runConform(args, env, { timeoutMs: 580_000, maxBuffer: 1e8 });

type Stored = { id: string; owner: string; record: Record<string, unknown> };

/** Every customer in the mock, with the tenant or merchant it belongs to. */
function storedCustomers(vendor: Vendor, snapshot: unknown): Stored[] {
  if (vendor === 'trustist') {
    return (snapshot as { customers: Record<string, unknown>[] }).customers.map((c) => ({ id: c.id as string, owner: c.tenantId as string, record: c }));
  }
  return (snapshot as { customers: { owner: string; customer: Record<string, unknown> }[] }).customers.map(({ owner, customer }) => ({ id: customer.customerId as string, owner, record: customer }));
}

/** What a scrubbed Trustly customer keeps in its required fields: neutral values that are nobody's. */
const SCRUBBED_REQUIRED = { name: 'Scrubbed test customer', address: { country: 'US' }, phone: '+15555550100', email: 'scrubbed@example.com' };

const PERSONAL: Record<Vendor, string[]> = {
  trustist: ['firstName', 'lastName', 'emailAddress', 'dateOfBirth', 'address'],
  trustly: ['taxId', 'dateOfBirth', 'personId', 'nationalId', 'driverLicense', 'customData', 'organizationNumber', 'enrollDate', 'vip', 'currency', 'balance', 'externalTier'],
};

/** Whether a stored customer still holds data the checks wrote (beyond its tag). */
function holdsPersonalData(vendor: Vendor, record: Record<string, unknown>): boolean {
  if (PERSONAL[vendor].some((field) => record[field] !== undefined && record[field] !== null)) return true;
  if (vendor === 'trustly') {
    const { name, email, phone, address } = record;
    return JSON.stringify({ name, address, phone, email }) !== JSON.stringify(SCRUBBED_REQUIRED);
  }
  return false;
}

/** The ledger's owners map one to one onto the mock's tenants (merchants): each role owns records of one. */
function expectOwnersMatch(ledger: CreatedRecord[], stored: Stored[]): void {
  const byId = new Map(stored.map((s) => [s.id, s.owner]));
  const tenantOf = new Map<string, Set<string>>();
  for (const entry of ledger) {
    expect(entry.owner, `owner of ${entry.id}`).toMatch(/^(tenantA|tenantB|readonly|noread|merchant|merchantA|merchantB)$/);
    tenantOf.set(entry.owner, (tenantOf.get(entry.owner) ?? new Set()).add(byId.get(entry.id)!));
  }
  for (const [owner, tenants] of tenantOf) expect([...tenants], `the records of ${owner} belong to one tenant`).toHaveLength(1);
  for (const [a, b] of [['tenantA', 'tenantB'], ['merchantA', 'merchantB']]) {
    if (tenantOf.has(a!) && tenantOf.has(b!)) expect([...tenantOf.get(a!)!][0]).not.toBe([...tenantOf.get(b!)!][0]);
  }
}

describe.each<Vendor>(['trustist', 'trustly'])('a live %s run leaves a small, scrubbed, accounted footprint', (vendor) => {
  it('default run: within the default write budget, every record in the ledger with its owner, all scrubbed', { timeout: 600_000 }, async () => {
    const mock = await startMock(vendor, { env: {} });
    const proxy = await startCountingProxy(mock.url);
    try {
      const dir = await mkdtemp(join(tmpdir(), 'conform-footprint-'));
      const run = await conform(['run', '--vendor', vendor, '--target', proxy.url, '--report-dir', dir], mock.credentials);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      const document = JSON.parse(await readFile(join(dir, vendor, 'results.json'), 'utf8')) as ResultsDocument;
      expect(document.version).toBe('1.2');
      const ledger = ledgerOf(document);
      const stored = storedCustomers(vendor, mock.snapshot());
      // Nobody else writes to this mock: every customer in it is the run's, and in its ledger.
      expect(ledger.map((e) => e.id).sort()).toEqual(stored.map((s) => s.id).sort());
      expectOwnersMatch(ledger, stored);
      // The closing scrub sends one update per record; the rest are the checks' writes.
      const writes = proxy.writes();
      expect(ledger.every((e) => e.scrubbed)).toBe(true);
      expect(writes - ledger.length).toBeLessThanOrEqual(DEFAULT_TARGET_MAX_WRITES);
      expect(stored.filter((s) => holdsPersonalData(vendor, s.record)).map((s) => s.id)).toEqual([]);
      expect(run.stdout).toContain(`${vendor}: scrubbed ${ledger.length} of ${ledger.length} created records`);
      console.log(`${vendor} default live run: ${writes - ledger.length} writes by the checks, ${ledger.length} customers, ${ledger.length} scrub updates`);
    } finally {
      await proxy.close();
      await mock.close();
    }
  });

  it('--keep-data leaves the data; conform cleanup scrubs it, and again sends nothing', { timeout: 300_000 }, async () => {
    const mock = await startMock(vendor, { env: {} });
    const proxy = await startCountingProxy(mock.url);
    try {
      const dir = await mkdtemp(join(tmpdir(), 'conform-footprint-'));
      const rule = vendor === 'trustist' ? 'trustist.customers.create.schema' : 'trustly.customers.create.schema';
      const run = await conform(['run', '--vendor', vendor, '--target', proxy.url, '--rule', rule, '--runs', '4', '--keep-data', '--report-dir', dir], mock.credentials);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      const kept = ledgerOf(JSON.parse(await readFile(join(dir, vendor, 'results.json'), 'utf8')) as ResultsDocument);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.every((e) => !e.scrubbed)).toBe(true);
      expect(storedCustomers(vendor, mock.snapshot()).some((s) => holdsPersonalData(vendor, s.record))).toBe(true);

      const first = await conform(['cleanup', dir], mock.credentials);
      expect(first.code, first.stdout + first.stderr).toBe(0);
      expect(first.stdout).toContain(`${vendor}: scrubbed ${kept.length} of ${kept.length} created records`);
      expect(storedCustomers(vendor, mock.snapshot()).filter((s) => holdsPersonalData(vendor, s.record))).toEqual([]);
      const scrubbed = ledgerOf(JSON.parse(await readFile(join(dir, vendor, 'results.json'), 'utf8')) as ResultsDocument);
      expect(scrubbed.every((e) => e.scrubbed)).toBe(true);

      const writesBefore = proxy.writes();
      const second = await conform(['cleanup', dir], mock.credentials);
      expect(second.code, second.stdout + second.stderr).toBe(0);
      expect(second.stdout).toContain(`${vendor}: scrubbed 0 of ${kept.length} created records (${kept.length} already scrubbed)`);
      expect(proxy.writes()).toBe(writesBefore);
    } finally {
      await proxy.close();
      await mock.close();
    }
  });
});
