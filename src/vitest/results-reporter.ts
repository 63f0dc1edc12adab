import type { Reporter, TestCase, TestModule } from 'vitest/node';
import type { RuleOutcome } from '../results/rule-outcome.ts';
import type { Rule } from '../openapi/rule-catalogue.ts';
import type { Vendor } from '../openapi/vendors.ts';
// For its type of vitest's task meta only: at run time it would load vitest's test runtime, every
// check and the HTTP client into the CLI's process, about a second before the first request.
import type {} from './register-checks.ts';

/**
 * Collects each rule's outcome from the vitest results (task meta), never from runner
 * internals. A test that ended without an outcome (it crashed before its check ran) becomes a
 * failed outcome with vitest's error, so no rule silently drops out of a report.
 */
export class ResultsReporter implements Reporter {
  readonly outcomes: RuleOutcome[] = [];
  readonly errors: string[] = [];
  private done = 0;

  constructor(
    private readonly catalogue: Map<string, Rule>,
    private readonly seed: number,
    private readonly progress?: (done: number, rule: string) => void,
  ) {}

  onTestCaseResult(testCase: TestCase): void {
    this.done++;
    this.progress?.(this.done, testCase.name);
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<{ message?: string }>): void {
    for (const module of testModules) {
      for (const test of module.children.allTests()) this.outcomes.push(this.outcomeOf(test));
      for (const error of module.errors()) this.errors.push(`${module.moduleId}: ${error.message}`);
    }
    for (const error of unhandledErrors) this.errors.push(error.message ?? String(error));
  }

  private outcomeOf(test: TestCase): RuleOutcome {
    const outcome = test.meta().conform;
    if (outcome) return outcome;
    const result = test.result();
    const message = result.state === 'failed' ? result.errors?.map((e) => e.message).join('\n') : undefined;
    const skipped = result.state === 'skipped';
    // vitest's own timeout cut the check short: not judged, rather than failed, and said so.
    const timedOut = message === undefined ? undefined : /Test timed out in (\d+)ms/.exec(message);
    if (timedOut) {
      return {
        ...this.bare(test),
        status: 'incomplete',
        reason: `vitest's test timeout of ${timedOut[1]} ms cut the check short while it was still running`,
      };
    }
    return {
      ...this.bare(test),
      status: skipped ? 'skipped' : 'failed',
      ...(skipped ? { reason: result.note ?? 'skipped before its check ran' } : { failure: { message: message ?? 'the test ended without a result' } }),
      ...(skipped ? {} : { replay: `npx conform run --rule ${test.name} --seed ${this.seed}` }),
    };
  }

  /** An outcome of the test's rule with nothing recorded, status aside. */
  private bare(test: TestCase): Omit<RuleOutcome, 'status'> {
    const rule = this.catalogue.get(test.name);
    return {
      id: test.name,
      vendor: (rule?.vendor ?? test.name.split('.')[0]) as Vendor,
      level: rule?.level ?? 'MUST',
      title: rule?.title ?? test.name,
      source: rule?.source ?? { documents: ['unknown'], statement: 'not in the rule catalogue' },
      seed: this.seed,
      exchanges: [],
      exchangeCount: 0,
      created: [],
      durationMs: Math.round(test.diagnostic()?.duration ?? 0),
    };
  }
}
