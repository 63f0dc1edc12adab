import type { RenderRefusal } from '../chaos.ts';
import { sendProblem, TrustistProblem } from './trustist-problem.ts';
import type { TrustistVariantName } from './variants.ts';

/** A chaos 429 or 503 in the error body the mock's variants choose, like any other refusal. */
export function trustistChaosRefusal(variants: ReadonlySet<TrustistVariantName>): RenderRefusal {
  return (res, status, message) => sendProblem(res, new TrustistProblem(status, status === 429 ? 'rate_limited' : 'service_unavailable', message), variants);
}
