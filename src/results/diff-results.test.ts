import { describe, expect, it } from 'vitest';
import { loadVendorSpec } from '../openapi/index.ts';
import { diffResults } from './diff-results.ts';
import { documentedField } from './documented-field.ts';
import { trustlyDocument } from '../testing/results-fixtures.ts';
import type { ResultsDocument } from './results.ts';

function withStatus(document: ResultsDocument, id: string, status: ResultsDocument['rules'][number]['status']): ResultsDocument {
  return { ...document, rules: document.rules.map((r) => (r.id === id ? { ...r, status } : r)) };
}

const fingerprint = (responses: Record<string, Record<string, string[]>>, observed: Record<string, unknown> = {}) => ({ observed, responses });

describe('diffResults', () => {
  it('names regressed, recovered and newly skipped rules; only a regression fails the gate', () => {
    const base = trustlyDocument();
    const passedId = base.rules.find((r) => r.status === 'passed')!.id;
    const failedId = base.rules.find((r) => r.status === 'failed')!.id;
    const recovered = diffResults(base, withStatus(base, failedId, 'passed'), () => false);
    expect(recovered.rules).toEqual([expect.objectContaining({ id: failedId, kind: 'recovered' })]);
    expect(recovered.failing).toBe(false);
    const regressed = diffResults(base, withStatus(base, passedId, 'failed'), () => false);
    expect(regressed.rules).toEqual([expect.objectContaining({ id: passedId, kind: 'regressed', from: 'passed', to: 'failed' })]);
    expect(regressed.failing).toBe(true);
    const skipped = diffResults(base, withStatus(base, passedId, 'skipped'), () => false);
    expect(skipped.rules).toEqual([expect.objectContaining({ kind: 'became-skipped' })]);
    expect(skipped.failing).toBe(false);
  });

  it('names a rule that became incomplete, or stopped being so, without failing the gate', () => {
    const base = trustlyDocument();
    const passedId = base.rules.find((r) => r.status === 'passed')!.id;
    const incomplete = diffResults(base, withStatus(base, passedId, 'incomplete'), () => false);
    expect(incomplete.rules).toEqual([expect.objectContaining({ id: passedId, kind: 'became-incomplete', from: 'passed', to: 'incomplete' })]);
    expect(incomplete.failing).toBe(false);
    const back = diffResults(withStatus(base, passedId, 'incomplete'), base, () => false);
    expect(back.rules).toEqual([expect.objectContaining({ kind: 'no-longer-incomplete' })]);
    const failedAfter = diffResults(withStatus(base, passedId, 'incomplete'), withStatus(base, passedId, 'failed'), () => false);
    expect(failedAfter.failing).toBe(true);
  });

  it('names changed observations and field drift, failing only on documented fields', async () => {
    const documented = documentedField((await loadVendorSpec('trustly')).spec);
    const base = { ...trustlyDocument(), fingerprint: fingerprint({ 'getCustomer 200': { '/customer/createdAt': ['integer'], '/customer/name': ['string'] } }, { x: 1 }) };
    const extra = { ...base, fingerprint: fingerprint({ 'getCustomer 200': { '/customer/createdAt': ['integer'], '/customer/name': ['string'], '/customer/riskScore': ['number'] } }, { x: 2 }) };
    const drift = diffResults(base, extra, documented);
    expect(drift.observations).toEqual([{ id: 'x', from: 1, to: 2 }]);
    expect(drift.fields).toEqual([{ response: 'getCustomer 200', pointer: '/customer/riskScore', kind: 'appeared', to: ['number'], documented: false }]);
    expect(drift.failing).toBe(false);
    const typed = { ...base, fingerprint: fingerprint({ 'getCustomer 200': { '/customer/createdAt': ['string'], '/customer/name': ['string'] } }) };
    const change = diffResults(base, typed, documented);
    expect(change.fields).toEqual([expect.objectContaining({ pointer: '/customer/createdAt', kind: 'type-changed', from: ['integer'], to: ['string'], documented: true })]);
    expect(change.failing).toBe(true);
  });

  it('knows which fields the spec documents, through envelopes, arrays and unions', async () => {
    const trustly = documentedField((await loadVendorSpec('trustly')).spec);
    expect(trustly('listCustomers 200', '/customers/*/address/country')).toBe(true);
    expect(trustly('getCustomer 200', '/customer/riskScore')).toBe(false);
    expect(trustly('getCustomer 404', '/errors/*/message')).toBe(true);
    const trustist = documentedField((await loadVendorSpec('trustist')).spec);
    expect(trustist('listCustomers 200', '/*/orgId')).toBe(true);
    expect(trustist('getCustomer 200', '/address/city')).toBe(true);
  });
});
