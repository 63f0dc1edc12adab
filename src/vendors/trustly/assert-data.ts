import type { CheckContext } from '../../runner/check-context.ts';
import type { Customer } from './client.ts';
import { dataOf, differences, type CustomerData } from './model.ts';

/**
 * Fails unless the customer's data matches `expected` field by field (all documented fields, or
 * just `fields`). Received/Expected hold only the differing fields, so a long record does not
 * bury the one property that changed.
 */
export function assertData(ctx: CheckContext, customer: Customer, expected: CustomerData, what: string, fields?: Iterable<string>): void {
  const diff = differences(dataOf(customer), expected, fields);
  if (diff.length === 0) return;
  ctx.assert(false, `${what}: ${diff.map((d) => d.field).join(', ')} ${diff.length === 1 ? 'differs' : 'differ'} (customer ${customer.customerId})`, {
    received: Object.fromEntries(diff.map((d) => [d.field, d.received])),
    expected: Object.fromEntries(diff.map((d) => [d.field, d.expected])),
  });
}
