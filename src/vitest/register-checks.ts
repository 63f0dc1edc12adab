import { inject, test } from 'vitest';
import { loadVendorSpec } from '../openapi/vendor-spec.ts';
import type { Vendor } from '../openapi/vendors.ts';
import type { Check } from '../runner/check.ts';
import './conformance-context.ts';
import { formatFailure } from '../runner/format-outcome.ts';
import { resolveSigner } from '../auth/resolve-signer.ts';
import { runCheck } from '../runner/run-check.ts';
import { workerSession } from './worker-session.ts';
import type { RuleOutcome } from '../results/rule-outcome.ts';

declare module 'vitest' {
  interface TaskMeta {
    /** The rule's outcome as data: what the reporters read (never the runner's internals). */
    conform?: RuleOutcome;
  }
}

/**
 * Turns checks into vitest tests named by their rule ids. Execution stays in runCheck; the test
 * only carries the outcome (task.meta.conform) and maps it to vitest's pass, fail or skip.
 * No describe block: a test's full name is then the bare rule id, in JUnit and in --rule
 * filters alike; the file (suites/<vendor>/<area>.suite.ts) already says vendor and area.
 */
export function registerChecks(vendor: Vendor, _area: string, checks: Check[]): void {
  const { testTimeoutMs } = inject('conform');
  for (const check of checks) {
    test(check.rule, { timeout: testTimeoutMs }, async ({ task, skip, annotate }) => {
      const run = inject('conform').vendors[vendor];
      if (!run) return skip(`${vendor} is not part of this run`);
      const spec = await loadVendorSpec(vendor);
      const signer = await resolveSigner(vendor, run.auth);
      // One session for the whole run in this process: what was spent of the budget carries over.
      const outcome = await runCheck(check, spec, { ...run, signer, http: workerSession(run) });
      task.meta.conform = outcome;
      // JUnit has no "incomplete": properties on the testcase carry it, beside a skip (or, under
      // --strict, where an incomplete rule fails the gate, a failure).
      if (outcome.runs) await annotate(`${outcome.runs.executed}/${outcome.runs.requested}`, 'conform.runs');
      if (outcome.status === 'incomplete') {
        await annotate(outcome.reason ?? 'not judged in full', 'conform.incomplete');
        const message = `incomplete: ${outcome.reason ?? 'not judged in full'}${outcome.runs ? ` (${outcome.runs.executed} of ${outcome.runs.requested} runs executed)` : ''}`;
        if (run.strict) throw new Error(`${outcome.id}: ${message} (--strict)`);
        return skip(message);
      }
      if (outcome.status === 'skipped') return skip(outcome.reason);
      if (outcome.status === 'failed') throw new Error(formatFailure(outcome));
    });
  }
}
