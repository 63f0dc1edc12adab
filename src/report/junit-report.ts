import type { ResultsDocument } from '../results/results.ts';
import type { RuleOutcome } from '../results/rule-outcome.ts';
import { escapeHtml, prettyJson } from './html-escape.ts';

// Characters XML 1.0 cannot hold at all, even escaped: a vendor's response may contain them.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Any value as XML text or a quoted attribute value (HTML's escapes are XML's); what XML cannot hold becomes U+FFFD. */
export function escapeXml(value: unknown): string {
  return escapeHtml(String(value).replace(NOT_XML, '\ufffd'));
}

/**
 * junit.xml for a CI's test tab, from the run's results documents (never from the test runner):
 * one testsuite per vendor, one testcase per rule. A failed rule is a <failure> with its
 * Received/Expected and replay command; a skipped rule is <skipped> with its reason; an
 * incomplete one is <skipped> ("incomplete: reason"), or a <failure> under --strict, where it
 * fails the gate; an observed rule passes, its observation in <system-out>. Properties carry
 * what the report shows beside the status (conform.level, conform.runs, conform.incomplete,
 * conform.seed), so `conform run` and `conform report` write the same file from the same data.
 */
export function junitXml(documents: ResultsDocument[], options: { strict: boolean }): string {
  const suites = documents.map((document) => suiteXml(document, options.strict));
  const count = (status: string) => documents.reduce((n, d) => n + d.rules.filter((r) => r.status === status).length, 0);
  const tests = documents.reduce((n, d) => n + d.rules.length, 0);
  const failures = count('failed') + (options.strict ? count('incomplete') : 0);
  const skipped = count('skipped') + (options.strict ? 0 : count('incomplete'));
  const time = seconds(Math.max(0, ...documents.map((d) => d.durationMs)));
  return [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    `<testsuites name="conform" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function suiteXml(document: ResultsDocument, strict: boolean): string {
  const rules = document.rules;
  const failures = rules.filter((r) => r.status === 'failed' || (strict && r.status === 'incomplete')).length;
  const skipped = rules.filter((r) => r.status === 'skipped' || (!strict && r.status === 'incomplete')).length;
  const head = `  <testsuite name="${escapeXml(document.vendor)}" timestamp="${escapeXml(document.startedAt)}" hostname="${escapeXml(document.target)}" tests="${rules.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(document.durationMs)}">`;
  const properties = [property('conform.seed', document.seed), property('conform.runs', document.runs), property('conform.target', document.target)];
  return [head, '    <properties>', ...properties.map((p) => `      ${p}`), '    </properties>', ...rules.map((rule) => caseXml(document.vendor, rule, strict)), '  </testsuite>'].join('\n');
}

function caseXml(vendor: string, rule: RuleOutcome, strict: boolean): string {
  const properties = [
    property('conform.level', rule.level),
    property('conform.status', rule.status),
    ...(rule.runs ? [property('conform.runs', `${rule.runs.executed}/${rule.runs.requested}`)] : []),
    ...(rule.status === 'incomplete' ? [property('conform.incomplete', rule.reason ?? 'not judged in full')] : []),
  ];
  const body = [`      <properties>`, ...properties.map((p) => `        ${p}`), `      </properties>`, ...outcomeXml(rule, strict)];
  return [`    <testcase classname="${escapeXml(vendor)}" name="${escapeXml(rule.id)}" time="${seconds(rule.durationMs)}">`, ...body, '    </testcase>'].join('\n');
}

function outcomeXml(rule: RuleOutcome, strict: boolean): string[] {
  switch (rule.status) {
    case 'failed': {
      const failure = rule.failure ?? { message: 'failed' };
      const detail = [
        failure.message,
        ...('received' in failure ? [`Received: ${prettyJson(failure.received)}`] : []),
        ...('expected' in failure ? [`Expected: ${prettyJson(failure.expected)}`] : []),
        ...(rule.counterexample !== undefined ? [`Counterexample: ${prettyJson(rule.counterexample)}`] : []),
        ...(rule.replay ? [`Replay: ${rule.replay}`] : []),
      ].join('\n');
      return [`      <failure message="${escapeXml(firstLine(failure.message))}" type="${escapeXml(rule.level)}">${escapeXml(detail)}</failure>`];
    }
    case 'incomplete': {
      const message = `incomplete: ${rule.reason ?? 'not judged in full'}`;
      return strict ? [`      <failure message="${escapeXml(`${message} (--strict)`)}" type="incomplete"></failure>`] : [`      <skipped message="${escapeXml(message)}"></skipped>`];
    }
    case 'skipped':
      return [`      <skipped message="${escapeXml(rule.reason ?? 'skipped')}"></skipped>`];
    case 'observed':
      return [`      <system-out>${escapeXml(`observed: ${prettyJson(rule.observation)}`)}</system-out>`];
    case 'passed':
      return [];
  }
}

function property(name: string, value: unknown): string {
  return `<property name="${escapeXml(name)}" value="${escapeXml(value)}"></property>`;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
