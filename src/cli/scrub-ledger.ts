import type { Signer } from '../auth/signer.ts';
import { exchange } from '../http/exchange.ts';
import type { HttpSession } from '../http/http-session.ts';
import { targetPath } from '../http/base-path.ts';
import { loadVendorSpec } from '../openapi/vendor-spec.ts';
import { ledgerOf, type ResultsDocument } from '../results/results.ts';

export interface ScrubTarget {
  baseUrl: string;
  env: Record<string, string | undefined>;
  signer: Signer;
  timeoutMs: number;
  /** The limits it keeps to (--rps, --max-writes); absent: none. */
  session?: HttpSession;
}

export interface ScrubOutcome {
  scrubbed: number;
  /** Already scrubbed by an earlier pass: nothing sent. */
  already: number;
  /** Not scrubbed, each with why (missing credential, refused, budget spent). */
  left: { id: string; owner: string; why: string }[];
}

/**
 * Scrubs the personal data out of every record of the document's ledger not yet scrubbed, one
 * update each (the vendor's x-conform `scrub`: operation and body), with the owning role's key; marks what succeeded in `document.created` (as a 1.2
 * ledger). Idempotent: scrubbed records are skipped, and scrubbing twice writes the same values.
 * The target's session (--rps, --max-writes) bounds it like any exchange.
 */
export async function scrubLedger(document: ResultsDocument, target: ScrubTarget): Promise<ScrubOutcome> {
  const ledger = ledgerOf(document);
  const outcome: ScrubOutcome = { scrubbed: 0, already: 0, left: [] };
  const { conform, validators } = await loadVendorSpec(document.vendor);
  const scrub = conform.scrub;
  const operation = scrub && validators.operation(scrub.operation);
  const getPath = validators.operation(conform.operations.get).path;
  let unreachable: string | undefined;
  for (const entry of ledger) {
    if (unreachable !== undefined && !entry.scrubbed) {
      outcome.left.push({ ...entry, why: unreachable });
      continue;
    }
    if (entry.scrubbed) {
      outcome.already++;
      continue;
    }
    if (!scrub || !operation) {
      outcome.left.push({ ...entry, why: `the ${document.vendor} spec's x-conform names no scrub` });
      continue;
    }
    const role = conform.credentials[entry.owner];
    const id = role && target.env[role.idVar];
    const secret = role && target.env[role.secretVar];
    if (!id || !secret) {
      outcome.left.push({ ...entry, why: role ? `needs ${role.idVar} and ${role.secretVar}` : `no known credential owns it (owner ${entry.owner})` });
      continue;
    }
    const credentials = { id, secret };
    const pathOf = (template: string) => targetPath(target.baseUrl, conform.basePath, template.replace(/\{[^}]+\}/, encodeURIComponent(entry.id)));
    let json: Record<string, unknown> = scrub.body;
    if (scrub.keepTag) {
      // An update may drop what it omits (one documented reading): resend the record's tag, so the
      // record stays recognisable as test data.
      const current = await exchange({ baseUrl: target.baseUrl, method: 'GET', path: pathOf(getPath), signer: target.signer, credentials, timeoutMs: target.timeoutMs, session: target.session });
      const body = current.response?.json as Record<string, unknown> | undefined;
      const record = conform.record.envelope === undefined ? body : (body?.[conform.record.envelope] as Record<string, unknown> | undefined);
      const tag = record?.[conform.record.tag.field];
      if (!current.response) unreachable = `not sent after "${current.error}"; run conform cleanup later`;
      if (current.response?.status !== 200) {
        outcome.left.push({ ...entry, why: current.error ?? `reading it answered ${current.response?.status}` });
        continue;
      }
      if (typeof tag === 'string') json = { ...json, [conform.record.tag.field]: tag };
    }
    const reply = await exchange({ baseUrl: target.baseUrl, method: operation.method, path: pathOf(operation.path), json, signer: target.signer, credentials, timeoutMs: target.timeoutMs, session: target.session });
    const status = reply.response?.status;
    if (status === 200 && reply.error === undefined) {
      entry.scrubbed = true;
      outcome.scrubbed++;
    } else {
      // A target that does not answer (or a spent budget, a deadline) is not tried again for every other record.
      if (!reply.response) unreachable = `not sent after "${reply.error}"; run conform cleanup later`;
      outcome.left.push({ ...entry, why: reply.error ?? `the target answered ${status}` });
    }
  }
  document.created = ledger;
  return outcome;
}

/** One line per vendor: what was scrubbed and what was left, and why. */
export function scrubSummary(vendor: string, outcome: ScrubOutcome): string[] {
  const total = outcome.scrubbed + outcome.already + outcome.left.length;
  const lines = [`${vendor}: scrubbed ${outcome.scrubbed} of ${total} created records${outcome.already ? ` (${outcome.already} already scrubbed)` : ''}${outcome.left.length ? `, ${outcome.left.length} left` : ''}`];
  const reasons = new Map<string, number>();
  for (const { why } of outcome.left) reasons.set(why, (reasons.get(why) ?? 0) + 1);
  for (const [why, n] of reasons) lines.push(`  ${n} not scrubbed: ${why}`);
  return lines;
}
