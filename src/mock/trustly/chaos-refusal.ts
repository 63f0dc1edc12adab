import type { RenderRefusal } from '../chaos.ts';
import { sendJson } from '../http-kit.ts';
import type { TrustlyFaultName } from './faults.ts';
import { presentBody } from './present-customer.ts';
import { DOMAINS, ERROR_CODES, TrustlyProblem, errorBody } from './trustly-problem.ts';
import type { TrustlyVariantName } from './variants.ts';

/**
 * A chaos 429 or 503 in the documented errors list. The docs name no code for either, so both
 * carry 100 (internal), the code of a failure that is not the caller's.
 */
export function trustlyChaosRefusal(fault: TrustlyFaultName | undefined, variants: ReadonlySet<TrustlyVariantName>): RenderRefusal {
  return (res, status, message) => {
    const problem = new TrustlyProblem(status, ERROR_CODES.internal, status === 429 ? DOMAINS.request : DOMAINS.internal, { message });
    sendJson(res, status, presentBody(errorBody(problem, fault), variants));
  };
}
