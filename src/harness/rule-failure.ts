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
