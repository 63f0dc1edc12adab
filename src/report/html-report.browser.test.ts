import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDocuments, HOSTILE, hostileDocuments } from '../testing/results-fixtures.ts';
import { renderHtmlReport } from './html-report.ts';
import type { ResultsDocument } from '../results/results.ts';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) {
  process.stderr.write(`BROWSER TEST SKIPPED: Chromium not found at ${CHROMIUM}; install it with: apt-get install -y chromium\n`);
}

const dir = fileURLToPath(new URL('../../reports/browser-test/', import.meta.url));
const documents = fixtureDocuments();
const ruleIds = documents.flatMap((d) => d.rules.map((r) => r.id));
const failedIds = documents.flatMap((d) => d.rules.filter((r) => r.status === 'failed').map((r) => r.id));

interface Opened {
  page: Page;
  url: string;
  requests: string[];
  dialogs: string[];
  errors: string[];
}

describe.skipIf(!available)('the HTML report in Chromium, opened from disk', { timeout: 60_000 }, () => {
  let browser: Browser;
  let report: Opened;
  let page: Page;

  /** Writes a report under reports/browser-test/ and opens it from disk, recording every request. */
  async function open(name: string, docs: ResultsDocument[]): Promise<Opened> {
    const file = `${dir}${name}`;
    await writeFile(file, renderHtmlReport(docs, { title: 'conform report: browser test' }));
    const opened: Opened = { page: await browser.newPage({ viewport: { width: 1366, height: 900 } }), url: pathToFileURL(file).href, requests: [], dialogs: [], errors: [] };
    opened.page.on('request', (request) => opened.requests.push(request.url()));
    opened.page.on('dialog', (dialog) => {
      opened.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    opened.page.on('pageerror', (error) => opened.errors.push(error.message));
    opened.page.on('console', (message) => {
      if (message.type() === 'error') opened.errors.push(message.text());
    });
    await opened.page.goto(opened.url, { waitUntil: 'load' });
    return opened;
  }

  beforeAll(async () => {
    await mkdir(dir, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    report = await open('report.html', documents);
    page = report.page;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const visibleRuleIds = () => page.$$eval('details.rule:not([hidden]) .rule-id', (nodes) => nodes.map((n) => n.textContent ?? ''));

  it('renders every rule in the matrix, without script errors', async () => {
    expect((await visibleRuleIds()).sort()).toEqual([...ruleIds].sort());
    expect(await page.textContent('#filter-count')).toBe(`Showing ${ruleIds.length} of ${ruleIds.length} rules`);
    expect(report.errors).toEqual([]);
  });

  it('expands a failing rule to its counterexample and replay command', async () => {
    const rule = page.locator('#rule-trustist\\.customers\\.update\\.partial');
    expect(await rule.locator('.counterexample').isVisible()).toBe(false);
    await rule.locator('summary.rule-row').click();
    expect(await rule.getAttribute('open')).not.toBeNull();
    const counterexample = rule.locator('.counterexample');
    expect(await counterexample.isVisible()).toBe(true);
    const expected = documents[0]!.rules.find((r) => r.id === 'trustist.customers.update.partial')!;
    expect(JSON.parse((await counterexample.textContent()) ?? '')).toEqual(expected.counterexample);
    const replay = rule.locator('.replay-command');
    expect(await replay.isVisible()).toBe(true);
    expect(await replay.textContent()).toBe(expected.replay);
    expect(await rule.textContent()).toContain('Received:');
    await rule.locator('button[data-copy]').click();
    await expect.poll(() => rule.locator('button[data-copy]').textContent()).toMatch(/^(?:Copied|Selected: press Ctrl\+C)$/);
  });

  it('filters by status', async () => {
    for (const status of ['passed', 'skipped', 'observed']) await page.uncheck(`input[data-filter-status][value="${status}"]`);
    expect((await visibleRuleIds()).sort()).toEqual([...failedIds].sort());
    expect(await page.locator('section.area:not([hidden])').count()).toBe(2);
    for (const status of ['passed', 'skipped', 'observed']) await page.check(`input[data-filter-status][value="${status}"]`);
    expect(await visibleRuleIds()).toHaveLength(ruleIds.length);
  });

  it('filters by text over id and title', async () => {
    await page.fill('#filter-text', 'customers.update');
    expect((await visibleRuleIds()).sort()).toEqual(ruleIds.filter((id) => id.includes('customers.update')).sort());
    await page.fill('#filter-text', 'KYC SESSION');
    expect(await visibleRuleIds()).toEqual(['trustist.kyc.missing-person-data']);
    await page.fill('#filter-text', 'no rule has this text');
    expect(await visibleRuleIds()).toEqual([]);
    expect(await page.locator('.no-match:not([hidden])').count()).toBe(documents.length);
    await page.fill('#filter-text', '');
    expect(await visibleRuleIds()).toHaveLength(ruleIds.length);
  });

  it('opens a rule from the failures list', async () => {
    await page.fill('#filter-text', 'trustly');
    await page.click('#failures a[href="#rule-trustist.customers.update.partial"]');
    await expect.poll(() => page.locator('#rule-trustist\\.customers\\.update\\.partial').isVisible()).toBe(true);
    expect(await page.inputValue('#filter-text')).toBe('');
  });

  it('prints every rule but the plain passes open, and restores the page afterwards', async () => {
    const open = () => page.$$eval('details.rule[open]', (nodes) => nodes.map((n) => n.id));
    const before = await open();
    await page.evaluate(`window.dispatchEvent(new Event('beforeprint'))`);
    const notPassed = documents.flatMap((d) => d.rules.filter((r) => r.status !== 'passed').map((r) => `rule-${r.id}`));
    expect((await open()).sort()).toEqual([...new Set([...before, ...notPassed])].sort());
    await page.evaluate(`window.dispatchEvent(new Event('afterprint'))`);
    expect(await open()).toEqual(before);
  });

  it('makes no network request of any kind', async () => {
    expect(report.requests).toContain(report.url);
    expect(report.requests.filter((request) => request !== report.url && !request.startsWith('data:'))).toEqual([]);
  });

  it('saves a full-page screenshot', async () => {
    await page.evaluate(`location.hash = ''; window.scrollTo(0, 0)`);
    await page.screenshot({ path: `${dir}report.png`, fullPage: true });
    expect(existsSync(`${dir}report.png`)).toBe(true);
  });

  it('shows hostile text as text: no element, dialog or request comes from the data', async () => {
    const hostile = await open('hostile.html', hostileDocuments());
    await hostile.page.click('#rule-trustist\\.customers\\.get\\.hostile > summary');
    await hostile.page.click('#rule-trustist\\.customers\\.get\\.hostile details.exchange > summary');
    expect(await hostile.page.locator('img').count()).toBe(0);
    expect(await hostile.page.locator('script').count()).toBe(2);
    expect(hostile.dialogs).toEqual([]);
    expect(hostile.errors).toEqual([]);
    expect(await hostile.page.textContent('#rule-trustist\\.customers\\.get\\.hostile .rule-title')).toContain(HOSTILE);
    expect(await hostile.page.textContent('#rule-trustist\\.customers\\.get\\.hostile .counterexample')).toContain(HOSTILE);
    const links = await hostile.page.$$eval('[src], [href]', (nodes) => nodes.map((n) => n.getAttribute('src') ?? n.getAttribute('href') ?? ''));
    expect(links.filter((link) => !/^(?:#|data:)/.test(link))).toEqual([]);
    expect(hostile.requests.filter((request) => request !== hostile.url && !request.startsWith('data:'))).toEqual([]);
    await hostile.page.close();
  });
});
