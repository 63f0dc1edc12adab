import { describe, expect, it } from 'vitest';
import { fixtureDocuments, HOSTILE, hostileDocuments } from '../testing/results-fixtures.ts';
import { escapeHtml, jsonForScript } from './html-escape.ts';
import { ruleArea } from './html-report-rule.ts';
import { renderHtmlReport } from './html-report.ts';
import { validateResults } from '../results/validate-results.ts';

/** The text of the embedded results, as a browser would hand it to JSON.parse. */
function embeddedJson(html: string): string {
  const match = /<script type="application\/json" id="conform-results">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no embedded results');
  return match[1]!;
}

/** Every tag the HTML contains (the embedded data holds no `<`, so none comes from it). */
function tags(html: string): string[] {
  return html.match(/<[a-zA-Z][^>]*>/g) ?? [];
}

/** A tag's attributes as [name, value] pairs; the report always quotes values with `"`. */
function attributes(tag: string): [string, string][] {
  return [...tag.matchAll(/\s([^\s"'=<>/]+)(?:\s*=\s*"([^"]*)")?/g)].map((m) => [m[1]!.toLowerCase(), m[2] ?? '']);
}

describe('renderHtmlReport', () => {
  it('renders from fixtures that match results.schema.json', async () => {
    for (const document of [...fixtureDocuments(), ...hostileDocuments()]) expect(await validateResults(document)).toEqual([]);
  });

  it('names every rule, with its level, status and area', () => {
    const documents = fixtureDocuments();
    const html = renderHtmlReport(documents);
    for (const rule of documents.flatMap((d) => d.rules)) {
      expect(html).toContain(`<code class="rule-id">${rule.id}</code>`);
      expect(html).toMatch(new RegExp(`data-status="${rule.status}" data-search="${rule.id.replace(/\./g, '\\.')} `));
    }
    expect(html).toContain('data-area="customers.update"');
    expect(html).toContain('data-area="auth"');
  });

  it('shows the run metadata, summary counts and a chart', () => {
    const html = renderHtmlReport(fixtureDocuments(), { title: 'Nightly sandbox run' });
    expect(html).toContain('<title>Nightly sandbox run</title>');
    for (const text of ['embedded mock at http://127.0.0.1:43111', 'https://sandbox.trustly.example', 'r20240601t1200', '2024-06-01T12:00:00.000Z', '8.4 s', 'conform 0.1.0', 'v20.19.0']) {
      expect(html).toContain(text);
    }
    expect(html).toMatch(/<span class="tile-n">2<\/span><span class="tile-label"><span class="badge badge-failed">/);
    expect(html).toMatch(/<span class="tile-n">13<\/span><span class="tile-label">total/);
    expect(html).toContain('<svg');
    expect(html).toContain('1 MUST rule failed');
  });

  it('shows a failure with Received, Expected, pointer, counterexample, seed, path, replay and exchanges', () => {
    const html = renderHtmlReport(fixtureDocuments());
    const start = html.indexOf('id="rule-trustist.customers.update.partial"');
    const rule = html.slice(start, html.indexOf('</details>\n', html.indexOf('class="rule-body"', start)));
    expect(rule).toContain('Received:');
    expect(rule).toContain('Expected:');
    expect(rule).toContain('&quot;city&quot;: &quot;Leeds&quot;');
    expect(rule).toContain('<code>/address/city</code>');
    expect(rule).toContain('Counterexample (shrunk)');
    expect(rule).toContain('<code>7:0:1</code>');
    expect(rule).toContain('npx conform run --vendor trustist --rule trustist.customers.update.partial --seed 42 --runs 100');
    expect(rule).toContain('data-copy');
    expect(rule).toContain('PATCH');
    expect(rule).toContain('the last 2 of 14');
    expect(rule).toContain('Fields not present in the request body are left unchanged.');
  });

  it('lists skipped reasons, observed behaviours and the test data created', () => {
    const html = renderHtmlReport(fixtureDocuments());
    expect(html).toContain('needs TRUSTIST_TENANT_B_KEY_ID and TRUSTIST_TENANT_B_KEY_SECRET, which are not set');
    const observed = html.slice(html.indexOf('id="observed"'), html.indexOf('id="created"'));
    expect(observed).toContain('trustist.customers.create.duplicates-allowed');
    expect(observed).toContain('&quot;duplicatesAllowed&quot;: true');
    expect(observed).toContain('updates the existing customer (same customerId)');
    const created = html.slice(html.indexOf('id="created"'));
    for (const id of ['cus_01HZX3K9', 'cus_01HZX3KA', 'cus_01HZX3KB', 'cus_01HZX3KC', '8123456789', '8123456790']) expect(created).toContain(`<code>${id}</code>`);
  });

  it('loads nothing from the network', () => {
    const html = renderHtmlReport(hostileDocuments());
    const links = tags(html).flatMap((tag) => attributes(tag).filter(([name]) => /^(?:src|href|action|formaction|poster|srcset|xlink:href)$/.test(name)));
    expect(links.length).toBeGreaterThan(5);
    for (const [, value] of links) expect(value).toMatch(/^(?:#|data:)/);
    expect(html).not.toMatch(/\s(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    expect(html.match(/url\(/gi) ?? []).toEqual([]);
    expect(html).toContain('<link rel="icon" href="data:,">');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:;/);
  });

  it('renders hostile text inert, wherever it appears', () => {
    const html = renderHtmlReport(hostileDocuments());
    // Only the report's own two scripts open or close, and no element came from the data.
    expect(html.match(/<script/gi)).toHaveLength(2);
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<a href="https:\/\/evil/);
    const handlers = tags(html).flatMap((tag) => attributes(tag).filter(([name]) => name.startsWith('on')));
    expect(handlers).toEqual([]);
    expect(tags(html).every((tag) => /^<(?:meta|title|link|style|body|header|div|h\d|p|span|nav|a|main|section|figure|svg|desc|text|rect|g|figcaption|article|dl|dt|dd|ol|li|code|fieldset|legend|label|input|button|details|summary|ul|blockquote|pre|table|thead|tr|th|tbody|td|footer|script|html|head)[\s>]/.test(tag))).toBe(true);
    // It is shown as text instead: title, counterexample and response body among others.
    const escaped = escapeHtml(HOSTILE);
    expect(html).toContain(`Title ${escaped} &quot; onmouseover=&quot;alert(2)`);
    expect(html).toContain(`&quot;name&quot;: &quot;${escaped}&quot;`);
    expect(html).toContain(`&lt;html&gt;&lt;body&gt;${escaped}`);
    expect(html.split(escaped).length - 1).toBeGreaterThanOrEqual(15);
  });

  it('embeds the documents as JSON that round-trips', () => {
    for (const documents of [fixtureDocuments(), hostileDocuments()]) {
      const text = embeddedJson(renderHtmlReport(documents));
      expect(text).not.toContain('<');
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(documents)));
    }
    expect(jsonForScript({ a: '</script>\u2028<!--' })).toBe('{"a":"\\u003c/script\\u003e\\u2028\\u003c!--"}');
  });

  it('renders an empty run', () => {
    const html = renderHtmlReport([]);
    expect(html).toContain('No results.');
    expect(JSON.parse(embeddedJson(html))).toEqual([]);
  });
});

describe('ruleArea', () => {
  it('is the id without its vendor and last segment', () => {
    expect(ruleArea('trustist.customers.update.partial')).toBe('customers.update');
    expect(ruleArea('trustist.auth.required')).toBe('auth');
    expect(ruleArea('trustist.stateful')).toBe('general');
  });
});
