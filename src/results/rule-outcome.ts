import type { Exchange } from '../http/exchange.ts';
import type { RuleLevel } from '../openapi/rule-catalogue.ts';

export type RuleStatus = 'passed' | 'failed' | 'skipped' | 'observed' | 'incomplete';

/** What running one rule's check produced: the unit every reporter reads. */
export interface RuleOutcome {
  id: string;
  vendor: string;
  level: RuleLevel;
  title: string;
  source: { documents: string[]; statement: string };
  status: RuleStatus;
  /** Why the rule was skipped, or could not be judged in full (incomplete). */
  reason?: string;
  /** The credential's id variable the target refused mid-run (the run stopped; exit 2). */
  refusedCredential?: string;
  /** The rule's property runs: asked for, and made before a time cap, the deadline or a stop ended them. */
  runs?: { requested: number; executed: number };
  /** What the target did where the documentation leaves the behaviour open (or a MUST rule's detail worth tracking). */
  observation?: unknown;
  failure?: { message: string; received?: unknown; expected?: unknown; pointer?: string };
  counterexample?: unknown;
  /** The run seed that replays this rule (each rule derives its own fast-check seed from it). */
  seed: number;
  /** fast-check's path to the shrunk counterexample. */
  path?: string;
  replay?: string;
  /** The last exchanges of the check, secrets redacted; `exchangeCount` says how many there were in all. */
  exchanges: Exchange[];
  exchangeCount: number;
  /**
   * Response fields seen, per "operationId status", pointer -> JSON types. Folded into the run's
   * behaviour fingerprint; not kept per rule in results.json.
   */
  shapes?: Record<string, Record<string, string[]>>;
  /** Records the check created on the target (ids), so a live run's test data can be found and cleaned. */
  created: string[];
  /** The credential role owning each created id; folded into the run's ledger, not kept per rule in results.json. */
  owners?: Record<string, string>;
  durationMs: number;
}
