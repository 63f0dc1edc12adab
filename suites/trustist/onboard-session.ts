import type { CheckContext } from '../../src/runner/check-context.ts';
import { expectStatus } from '../../src/kinds/judge.ts';
import type { OperationClient, Reply } from '../../src/kinds/operation-client.ts';
import type { SessionOptions } from '../../src/vendors/trustist/model.ts';

export type OptionSet = { name: string; options: SessionOptions | undefined };

/** One option set of each kind: identity and AML checks, AIS only, none. */
export const OPTION_SETS: [OptionSet, OptionSet, OptionSet] = [
  { name: 'identity and AML checks', options: { identity: { identityCheck: true, amlExtensiveScreening: true }, ais: { balances: true, accountLimit: 1 } } },
  { name: 'AIS only', options: { ais: { accounts: true, balances: true, transactions: true, accountLimit: 2 } } },
  { name: 'no options', options: undefined },
];

/** Starts an onboard session; it carries the run's tag in its orgId, so every write the suite leaves is findable. */
export function onboardSession(ctx: CheckContext, a: OperationClient, customerId: string, options: SessionOptions | undefined, extra: Record<string, unknown> = {}): Promise<Reply> {
  return a.call('createOnboardSession', { json: { customerId, ...(options === undefined ? {} : { options }), orgId: ctx.tag, ...extra } });
}

/** Fails unless the session started: 200 or 201 with an onboardUrl. */
export function expectSession(ctx: CheckContext, reply: Reply, why: string): void {
  expectStatus(ctx, reply, [200, 201], why);
  const url = (reply.json as { onboardUrl?: unknown } | undefined)?.onboardUrl;
  ctx.assert(typeof url === 'string' && url !== '', `${why}, with an onboardUrl`, { received: reply.json, expected: 'an onboardUrl' });
}
