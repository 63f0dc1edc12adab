import type { Vendor } from '../openapi/vendors.ts';

/** The version of verification.json; bumped on any change a reader would notice. */
export const VERIFICATION_VERSION = '1.0';

export type InteractionStatus = 'passed' | 'failed';

export interface InteractionVerification {
  description: string;
  providerStates: string[];
  status: InteractionStatus;
  /** Why it failed: every mismatch the verifier reported, or the provider state that could not be set up. */
  message?: string;
}

export interface PactVerification {
  /** The pact file as given (absolute path). */
  file: string;
  consumer: string;
  provider: string;
  vendor: Vendor;
  /** The project's own pact, generated for this run into a temp dir that is gone afterwards. */
  generated?: boolean;
  interactions: InteractionVerification[];
  /** Ids of the records its provider states created on the target (for clean-up on a live account). */
  created: string[];
  /** Set when the pact could not be verified at all (the verifier crashed or refused it); every interaction then fails with it. */
  error?: string;
}

/**
 * `<report-dir>/pact/verification.json`: the outcome of one `conform pact verify`. Exported and
 * versioned because CI jobs and people's own tools read it, like results.json.
 */
export interface VerificationDocument {
  version: typeof VERIFICATION_VERSION;
  startedAt: string;
  durationMs: number;
  /** Per vendor: the base URL verified against, and whether it was the embedded mock. */
  targets: { vendor: Vendor; url: string; embedded: boolean }[];
  /** What the provider states' records carry (Trustist orgId, Trustly externalId): `conform-<runId>`. */
  tag: string;
  pacts: PactVerification[];
  summary: { pacts: number; interactions: number; passed: number; failed: number };
}

export function summariseVerification(pacts: PactVerification[]): VerificationDocument['summary'] {
  const interactions = pacts.flatMap((p) => p.interactions);
  const failed = interactions.filter((i) => i.status === 'failed').length;
  return { pacts: pacts.length, interactions: interactions.length, passed: interactions.length - failed, failed };
}

/** Whether every interaction of every pact passed (a pact that could not run fails). */
export function verificationPasses(pacts: PactVerification[]): boolean {
  return pacts.every((p) => p.error === undefined && p.interactions.every((i) => i.status === 'passed'));
}
