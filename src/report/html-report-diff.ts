import type { ResultsDiff } from '../results/diff-results.ts';
import { escapeHtml as h, prettyJson } from './html-escape.ts';

/** The "Changes since the baseline" section: rules, observed behaviours and response fields that changed. */
export function renderDiffSection(diffs: ResultsDiff[], baseline: string): string {
  const vendors = diffs.map((diff) => {
    const verdict = diff.failing
      ? '<span class="verdict verdict-fail">gate fails: a rule regressed or a documented field changed</span>'
      : '<span class="verdict verdict-pass">no regression</span>';
    const rules = diff.rules.map(
      (r) => `<tr><td>${h(r.kind)}</td><td><code>${h(r.id)}</code></td><td>${h(r.level)}</td><td>${h(r.from ?? '—')} → ${h(r.to ?? '—')}</td></tr>`,
    );
    const observations = diff.observations.map(
      (o) => `<tr><td>observation</td><td><code>${h(o.id)}</code></td><td></td><td><pre class="json">${h(prettyJson(o.from))}</pre>→<pre class="json">${h(prettyJson(o.to))}</pre></td></tr>`,
    );
    const fields = diff.fields.map(
      (f) =>
        `<tr><td>field ${h(f.kind)}</td><td><code>${h(f.response)} ${h(f.pointer || '(body)')}</code></td><td>${f.documented ? 'documented' : 'undocumented'}</td><td>${h(
          f.kind === 'type-changed' ? `${f.from!.join('|')} → ${f.to!.join('|')}` : (f.to ?? f.from)!.join('|'),
        )}</td></tr>`,
    );
    const rows = [...rules, ...observations, ...fields];
    const table = rows.length
      ? `<table class="observed"><thead><tr><th scope="col">Change</th><th scope="col">What</th><th scope="col">Level</th><th scope="col">From → to</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
      : '<p class="muted">Nothing changed.</p>';
    return `<div class="diff-vendor"><h3>${h(diff.vendor)} ${verdict}</h3>${table}</div>`;
  });
  return `<section id="changes" class="section"><h2>Changes since the baseline</h2><p class="muted">Compared with <code>${h(baseline)}</code>.</p>${vendors.join('\n')}</section>`;
}
