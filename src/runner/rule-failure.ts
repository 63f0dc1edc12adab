/**
 * A rule the target broke, as data: what was received, what the documentation expects, where
 * (a JSON pointer into the response body, when there is one), and for a property the shrunk
 * counterexample with the seed and path that replay it.
 */
export class RuleFailure extends Error {
  override name = 'RuleFailure';
  readonly received?: unknown;
  readonly expected?: unknown;
  readonly pointer?: string;
  counterexample?: unknown;
  seed?: number;
  path?: string;
  numRuns?: number;

  constructor(message: string, details: { received?: unknown; expected?: unknown; pointer?: string } = {}) {
    super(message);
    if ('received' in details) this.received = details.received;
    if ('expected' in details) this.expected = details.expected;
    if (details.pointer !== undefined) this.pointer = details.pointer;
  }
}

/** The rule does not apply here (a credential is not configured, a feature is absent): a declared skip. */
export class RuleSkip extends Error {
  override name = 'RuleSkip';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * The rule could not be judged in full: a property stopped by its time cap or the run deadline,
 * a 429 that outlasted the retries, a list that could not be read to its end. Never a failure of
 * the target (it broke nothing the rule states); it fails the gate only under --strict.
 */
export class RuleIncomplete extends Error {
  override name = 'RuleIncomplete';
  /** For a property: the runs asked for and the runs that finished before it stopped. */
  runs?: { requested: number; executed: number };
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * A configured credential the target refused (401) on a request that did not set out to be
 * refused: a wrong, revoked or locked-out key. Not the rule's fault, nor the target's: the run
 * stops, and `conform run` exits 2 naming the variable.
 */
export class CredentialRefused extends Error {
  override name = 'CredentialRefused';
  constructor(
    /** The credential's id variable, e.g. TRUSTIST_KEY_ID. */
    readonly variable: string,
    readonly status: number,
  ) {
    super(`the target refused the credential in ${variable} (${status}) on a request made with it as configured: it is wrong, revoked or locked out; the run stopped`);
  }
}
