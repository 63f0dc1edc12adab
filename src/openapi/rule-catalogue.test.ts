import { describe, expect, it } from 'vitest';
import { loadVendorSpec, VENDORS } from './index.ts';

// The published rule ids and levels. Reports, CI gates and users' --rule filters name these:
// an id may be added, never renamed or reused, so this list only ever grows.
const PUBLISHED: [string, string][] = [
  ['trustist.auth.required', 'MUST'],
  ['trustist.auth.bad-signature', 'MUST'],
  ['trustist.auth.unknown-key', 'MUST'],
  ['trustist.auth.merchant-key-rejected', 'MUST'],
  ['trustist.auth.replay', 'SHOULD'],
  ['trustist.auth.payload-hash', 'observed'],
  ['trustist.permissions.create', 'MUST'],
  ['trustist.permissions.read', 'MUST'],
  ['trustist.permissions.update', 'MUST'],
  ['trustist.customers.create.schema', 'MUST'],
  ['trustist.customers.create.all-optional', 'MUST'],
  ['trustist.customers.create.timestamps', 'MUST'],
  ['trustist.customers.create.duplicates-allowed', 'MUST'],
  ['trustist.customers.create.invalid-body', 'MUST'],
  ['trustist.customers.validation.date-of-birth', 'SHOULD'],
  ['trustist.customers.validation.country', 'SHOULD'],
  ['trustist.customers.get.round-trip', 'MUST'],
  ['trustist.customers.get.unknown', 'MUST'],
  ['trustist.customers.update.partial', 'MUST'],
  ['trustist.customers.update.null-clears', 'MUST'],
  ['trustist.customers.update.response', 'MUST'],
  ['trustist.customers.update.timestamps', 'MUST'],
  ['trustist.customers.update.immutable', 'MUST'],
  ['trustist.customers.update.unknown', 'MUST'],
  ['trustist.customers.update.nested-address', 'observed'],
  ['trustist.customers.list.org-filter', 'MUST'],
  ['trustist.customers.list.shape', 'observed'],
  ['trustist.tenancy.get-isolated', 'MUST'],
  ['trustist.tenancy.update-isolated', 'MUST'],
  ['trustist.tenancy.list-isolated', 'MUST'],
  ['trustist.kyc.missing-person-data', 'MUST'],
  ['trustist.kyc.after-update', 'MUST'],
  ['trustist.kyc.ais-only', 'SHOULD'],
  ['trustist.model.stateful', 'MUST'],
  ['trustist.customers.update.sets-fields', 'MUST'],
  ['trustist.customers.update.invalid-body', 'MUST'],
  ['trustist.customers.update.org-id', 'observed'],
  ['trustist.customers.update.empty-body', 'observed'],
  ['trustist.customers.create.equal-stamps', 'observed'],
  ['trustist.customers.id.format', 'observed'],
  ['trustist.customers.tenant-id', 'SHOULD'],
  ['trustist.customers.list.unfiltered', 'SHOULD'],
  ['trustist.customers.list.unknown-org', 'SHOULD'],
  ['trustist.errors.shape', 'observed'],
  ['trustist.permissions.onboard', 'SHOULD'],
  ['trustist.tenancy.onboard-isolated', 'MUST'],
  ['trustist.kyc.multiple-sessions', 'SHOULD'],
  ['trustist.kyc.unknown-customer', 'SHOULD'],
  ['trustist.kyc.return-url', 'SHOULD'],
  ['trustist.kyc.guid-customer-id', 'observed'],
  ['trustist.http.no-server-error', 'MUST'],
  ['trustist.http.unsupported-method', 'SHOULD'],
  ['trustly.auth.required', 'MUST'],
  ['trustly.auth.bad-credentials', 'MUST'],
  ['trustly.errors.shape', 'MUST'],
  ['trustly.customers.create.schema', 'MUST'],
  ['trustly.customers.create.required-fields', 'MUST'],
  ['trustly.customers.driver-license', 'MUST'],
  ['trustly.customers.upsert.external-id', 'MUST'],
  ['trustly.customers.upsert.customer-id', 'MUST'],
  ['trustly.customers.get.round-trip', 'MUST'],
  ['trustly.customers.get.unknown', 'MUST'],
  ['trustly.customers.list.by-external-id', 'MUST'],
  ['trustly.customers.list.by-customer-id', 'MUST'],
  ['trustly.customers.update.sets-fields', 'MUST'],
  ['trustly.customers.update.required-fields', 'MUST'],
  ['trustly.customers.update.partial', 'SHOULD'],
  ['trustly.customers.update.null-removes', 'MUST'],
  ['trustly.customers.timestamps', 'MUST'],
  ['trustly.customers.update.immutable', 'MUST'],
  ['trustly.merchants.isolated', 'MUST'],
  ['trustly.model.stateful', 'MUST'],
  ['trustly.customers.upsert.external-id-query', 'MUST'],
  ['trustly.customers.update.post-back', 'MUST'],
  ['trustly.customers.update.path-wins', 'MUST'],
  ['trustly.customers.update.body-merchant-id', 'observed'],
  ['trustly.customers.update.nested', 'observed'],
  ['trustly.customers.null-required', 'SHOULD'],
  ['trustly.customers.invalid-body', 'SHOULD'],
  ['trustly.customers.list.unfiltered', 'observed'],
  ['trustly.customers.list.no-match', 'observed'],
  ['trustly.customers.upsert.unknown-customer-id', 'observed'],
  ['trustly.customers.external-id.case', 'observed'],
  ['trustly.customers.enroll-date.default', 'observed'],
  ['trustly.customers.tax-id.masking', 'observed'],
  ['trustly.errors.codes', 'SHOULD'],
  ['trustly.http.no-server-error', 'MUST'],
  ['trustly.http.unsupported-method', 'SHOULD'],
];

describe('rule catalogue (x-rules)', () => {
  it('holds every published rule exactly once, with its published level', async () => {
    const catalogue = (await Promise.all(VENDORS.map(loadVendorSpec))).flatMap((v) => v.rules);
    for (const [id, level] of PUBLISHED) {
      const matches = catalogue.filter((rule) => rule.id === id);
      expect(matches, id).toHaveLength(1);
      expect(matches[0]!.level, id).toBe(level);
    }
  });

  it.each(VENDORS)('%s: every rule has a title and a source with a statement', async (vendor) => {
    const { rules } = await loadVendorSpec(vendor);
    for (const rule of rules) {
      expect(rule.title.length, rule.id).toBeGreaterThan(10);
      expect(rule.source.documents.length, rule.id).toBeGreaterThan(0);
      for (const document of rule.source.documents) expect(document, rule.id).toMatch(/^(seeds\/[a-z-]+\.txt|vendor-notes\.md)$/);
      expect(rule.source.statement.length, rule.id).toBeGreaterThan(10);
    }
  });

  it.each(VENDORS)('%s: every rule is listed by at least one operation, and operations list only catalogued rules', async (vendor) => {
    const { rules, validators } = await loadVendorSpec(vendor);
    for (const rule of rules) expect(rule.operations, `${rule.id} is listed by no operation`).not.toHaveLength(0);
    const known = new Set(rules.map((r) => r.id));
    for (const op of validators.operations.values()) {
      for (const id of op.ruleIds) expect(known.has(id), `${op.operationId} lists ${id}, which is not in x-rules`).toBe(true);
    }
  });
});
