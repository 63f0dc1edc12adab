import type { Exchange } from '../http/exchange.ts';
import type { RuleOutcome, RuleStatus } from '../results/rule-outcome.ts';
import { escapeHtml as h, formatDuration, prettyJson } from './html-escape.ts';

/** The statuses in the order every part of the HTML report lists them. */
export const STATUSES: readonly RuleStatus[] = ['passed', 'failed', 'incomplete', 'skipped', 'observed'];

// An icon and a word for each status, so a badge never relies on colour alone.
const STATUS_ICONS: Record<RuleStatus, string> = { passed: '✓', failed: '✗', incomplete: '◔', skipped: '⊘', observed: '◉' };

export function statusBadge(status: RuleStatus): string {
  return `<span class="badge badge-${h(status)}"><span aria-hidden="true">${STATUS_ICONS[status] ?? '?'}</span> ${h(status)}</span>`;
}

/** trustist.customers.update.partial -> customers.update; trustist.auth.required -> auth. */
export function ruleArea(id: string): string {
  const segments = id.split('.');
  return segments.slice(1, -1).join('.') || 'general';
}

/** The element id a rule's row carries, for in-page links from the failures list. */
export function ruleAnchor(rule: RuleOutcome): string {
  return `rule-${rule.id.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

/** One row of the rule matrix: a summary line that expands to everything the run knows about the rule. */
export function renderRule(rule: RuleOutcome): string {
  const search = `${rule.id} ${rule.title}`.toLowerCase();
  return `<details class="rule rule-${h(rule.status)}" id="${h(ruleAnchor(rule))}" data-status="${h(rule.status)}" data-search="${h(search)}">
<summary class="rule-row">${statusBadge(rule.status)}<span class="level level-${h(rule.level)}">${h(rule.level)}</span><code class="rule-id">${h(rule.id)}</code><span class="rule-title">${h(rule.title)}</span><span class="rule-time">${h(formatDuration(rule.durationMs))}</span></summary>
<div class="rule-body">
${renderSource(rule)}${renderFailure(rule)}${renderReason(rule)}${renderObservation(rule)}${renderReplay(rule)}${renderExchanges(rule)}
</div>
</details>`;
}

function renderSource(rule: RuleOutcome): string {
  const documents = rule.source.documents.map((d) => `<li>${h(d)}</li>`).join('');
  return `<section class="block"><h5>Documentation</h5><ul class="sources">${documents}</ul><blockquote>${h(rule.source.statement)}</blockquote></section>\n`;
}

function renderFailure(rule: RuleOutcome): string {
  const failure = rule.failure;
  const parts: string[] = [];
  if (failure) {
    parts.push(`<p class="failure-message">${h(failure.message)}</p>`);
    // Side by side, so the difference is visible at a glance.
    const sides: string[] = [];
    if ('received' in failure) sides.push(`<div><h5>Received:</h5><pre class="json received">${h(prettyJson(failure.received))}</pre></div>`);
    if ('expected' in failure) sides.push(`<div><h5>Expected:</h5><pre class="json expected">${h(prettyJson(failure.expected))}</pre></div>`);
    if (sides.length) parts.push(`<div class="compare">${sides.join('')}</div>`);
    if (failure.pointer !== undefined) parts.push(`<p><span class="label">JSON pointer</span> <code>${h(failure.pointer || '(whole document)')}</code></p>`);
  }
  if (rule.counterexample !== undefined) {
    parts.push(`<h5>Counterexample (shrunk)</h5><pre class="json counterexample">${h(prettyJson(rule.counterexample))}</pre>`);
  }
  if (parts.length === 0) return '';
  return `<section class="block failure"><h5 class="block-title">Failure</h5>${parts.join('\n')}</section>\n`;
}

function renderReason(rule: RuleOutcome): string {
  const runs = rule.runs ? `<p class="runs"><span class="label">Property runs</span> ${h(rule.runs.executed)} of ${h(rule.runs.requested)} executed</p>` : '';
  if (rule.reason === undefined) return runs ? `<section class="block"><h5>Runs</h5>${runs}</section>\n` : '';
  const heading = rule.status === 'incomplete' ? 'Incomplete because' : 'Skipped because';
  return `<section class="block"><h5>${heading}</h5><p class="reason">${h(rule.reason)}</p>${runs}</section>\n`;
}

function renderObservation(rule: RuleOutcome): string {
  if (rule.observation === undefined) return '';
  return `<section class="block"><h5>Observation</h5><pre class="json">${h(prettyJson(rule.observation))}</pre></section>\n`;
}

function renderReplay(rule: RuleOutcome): string {
  const facts = [`<span class="label">Seed</span> <code>${h(rule.seed)}</code>`];
  if (rule.path !== undefined) facts.push(`<span class="label">Path</span> <code>${h(rule.path)}</code>`);
  const command = rule.replay
    ? `<div class="replay"><code class="replay-command">${h(rule.replay)}</code><button type="button" class="copy" data-copy>Copy</button></div>`
    : '';
  return `<section class="block"><h5>Replay</h5><p class="facts">${facts.join(' ')}</p>${command}</section>\n`;
}

function renderExchanges(rule: RuleOutcome): string {
  if (rule.exchangeCount === 0 && rule.exchanges.length === 0) return '';
  const shown = rule.exchanges.length;
  const note = rule.exchangeCount > shown ? ` <span class="muted">(the last ${shown} of ${rule.exchangeCount})</span>` : '';
  const offset = Math.max(0, rule.exchangeCount - shown);
  const items = rule.exchanges.map((exchange, i) => renderExchange(exchange, offset + i + 1)).join('\n');
  return `<section class="block"><h5>HTTP exchanges${note}</h5>${items || '<p class="muted">None recorded.</p>'}</section>\n`;
}

function renderExchange(exchange: Exchange, number: number): string {
  const { request, response } = exchange;
  const outcome = response ? `→ ${h(response.status)}` : exchange.error !== undefined ? '→ error' : '';
  const parts = [
    `<h6>Request</h6><pre class="http">${h(`${request.method} ${request.url}`)}\n${h(headerLines(request.headers))}${request.body !== undefined ? `\n\n${h(bodyText(request.body))}` : ''}</pre>`,
  ];
  if (response) parts.push(`<h6>Response</h6><pre class="http">${h(`HTTP ${response.status}`)}\n${h(headerLines(response.headers))}${response.body !== '' ? `\n\n${h(bodyText(response.body))}` : ''}</pre>`);
  if (exchange.error !== undefined) parts.push(`<h6>Error</h6><pre class="http error-text">${h(exchange.error)}</pre>`);
  return `<details class="exchange"><summary><span class="muted">#${number}</span> <span class="method">${h(request.method)}</span> <span class="url">${h(request.url)}</span> <span class="http-status">${outcome}</span> <span class="muted">${h(formatDuration(exchange.durationMs))}</span></summary>${parts.join('')}</details>`;
}

function headerLines(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

/** A body as text: pretty when it is JSON, exactly as sent when it is not. */
function bodyText(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
