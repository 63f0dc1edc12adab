import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { summarise, type ResultsDocument } from '../results/results.ts';
import type { RuleOutcome } from '../results/rule-outcome.ts';
import { fixtureDocuments, HOSTILE, hostileDocuments } from '../testing/results-fixtures.ts';
import { escapeXml, junitXml } from './junit-report.ts';

type Case = { '@_name': string; failure?: { '@_message': string; '@_type': string; '#text'?: string }; skipped?: { '@_message': string }; 'system-out'?: string; properties: { property: { '@_name': string; '@_value': string }[] | { '@_name': string; '@_value': string } } };

function parse(xml: string): { suites: { '@_name': string; '@_tests': string; '@_failures': string; '@_skipped': string; testcase: Case[] }[]; root: Record<string, string> } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as { testsuites: Record<string, string> & { testsuite: never } };
  return { suites: parsed.testsuites.testsuite, root: parsed.testsuites };
}

const caseOf = (suites: ReturnType<typeof parse>['suites'], id: string): Case => suites.flatMap((s) => s.testcase).find((c) => c['@_name'] === id)!;
const propertiesOf = (c: Case) => Object.fromEntries([c.properties.property].flat().map((p) => [p['@_name'], p['@_value']]));

/** The fixtures plus an incomplete rule, which junit.xml shows differently under --strict. */
function withIncomplete(): ResultsDocument[] {
  const [trustist, trustly] = fixtureDocuments() as [ResultsDocument, ResultsDocument];
  const incomplete: RuleOutcome = { ...trustist.rules[0]!, id: 'trustist.http.no-server-error', status: 'incomplete', reason: 'run deadline reached', runs: { requested: 100, executed: 7 } };
  const rules = [...trustist.rules, incomplete];
  return [{ ...trustist, rules, summary: summarise(rules) }, trustly];
}

describe('junitXml', () => {
  it('writes one testsuite per vendor and one testcase per rule, with counts that match the documents', () => {
    const documents = withIncomplete();
    const { suites, root } = parse(junitXml(documents, { strict: false }));
    expect(suites.map((s) => s['@_name'])).toEqual(documents.map((d) => d.vendor));
    for (const [i, document] of documents.entries()) {
      const suite = suites[i]!;
      expect(suite.testcase.map((c) => c['@_name'])).toEqual(document.rules.map((r) => r.id));
      expect(Number(suite['@_tests'])).toBe(document.rules.length);
      expect(Number(suite['@_failures'])).toBe(document.summary.failed);
      expect(Number(suite['@_skipped'])).toBe(document.summary.skipped + (document.summary.incomplete ?? 0));
    }
    expect(Number(root['@_tests'])).toBe(documents.reduce((n, d) => n + d.rules.length, 0));
  });

  it('gives each status its JUnit form: failure with Received/Expected and replay, skipped with its reason, observed in system-out', () => {
    const documents = fixtureDocuments();
    const { suites } = parse(junitXml(documents, { strict: false }));
    for (const rule of documents.flatMap((d) => d.rules)) {
      const c = caseOf(suites, rule.id);
      expect(propertiesOf(c)['conform.level']).toBe(rule.level);
      expect(propertiesOf(c)['conform.status']).toBe(rule.status);
      if (rule.status === 'failed') {
        expect(c.failure!['@_message']).toBe(rule.failure!.message.split('\n')[0]);
        expect(c.failure!['#text']).toContain('Received: ');
        if (rule.replay) expect(c.failure!['#text']).toContain(`Replay: ${rule.replay}`);
      } else expect(c.failure).toBeUndefined();
      if (rule.status === 'skipped') expect(c.skipped!['@_message']).toBe(rule.reason);
      else expect(c.skipped).toBeUndefined();
      if (rule.status === 'observed') expect(c['system-out']).toContain('observed: ');
    }
  });

  it('an incomplete rule is skipped, or under --strict a failure naming --strict; its runs and reason are properties', () => {
    const lenient = caseOf(parse(junitXml(withIncomplete(), { strict: false })).suites, 'trustist.http.no-server-error');
    expect(lenient.skipped!['@_message']).toBe('incomplete: run deadline reached');
    expect(lenient.failure).toBeUndefined();
    expect(propertiesOf(lenient)).toMatchObject({ 'conform.runs': '7/100', 'conform.incomplete': 'run deadline reached' });
    const { suites, root } = parse(junitXml(withIncomplete(), { strict: true }));
    const strict = caseOf(suites, 'trustist.http.no-server-error');
    expect(strict.failure!['@_message']).toBe('incomplete: run deadline reached (--strict)');
    expect(strict.skipped).toBeUndefined();
    expect(Number(root['@_failures'])).toBe(withIncomplete().reduce((n, d) => n + d.summary.failed, 0) + 1);
  });

  it('holds hostile text from a vendor as text: well-formed, nothing injected, control characters replaced', () => {
    const documents = hostileDocuments();
    const [trustist] = documents as [ResultsDocument];
    const rules = [...trustist.rules, { ...trustist.rules.at(-1)!, id: 'trustist.customers.get.control', failure: { message: 'bad \u0000\u0007 byte ]]> end', received: '\u001b[31m' } }];
    const xml = junitXml([{ ...trustist, rules, summary: summarise(rules) }], { strict: false });
    const { suites } = parse(xml);
    expect(caseOf(suites, 'trustist.customers.get.hostile').failure!['@_message']).toBe(HOSTILE);
    expect(xml).not.toContain(HOSTILE);
    expect(caseOf(suites, 'trustist.customers.get.control').failure!['@_message']).toBe('bad \ufffd\ufffd byte ]]> end');
  });

  it('escapeXml leaves a lone surrogate no way to break the document', () => {
    expect(escapeXml('a\ud800b\udc00c\ud83d\ude00')).toBe('a\ufffdb\ufffdc\ud83d\ude00');
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
  });
});
