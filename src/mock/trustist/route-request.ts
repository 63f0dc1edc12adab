import { createCustomer, getCustomer, listCustomers, updateCustomer } from './customer-handlers.ts';
import type { HandlerContext, Reply } from './handler-context.ts';
import { createOnboardSession } from './onboard-handler.ts';
import type { TrustistPermission } from './trustist-keys.ts';
import { notFound, TrustistProblem } from './trustist-problem.ts';

export type OperationId = 'createCustomer' | 'listCustomers' | 'getCustomer' | 'updateCustomer' | 'createOnboardSession';

export interface Operation {
  operationId: OperationId;
  /** The spec's x-permissions for the operation. */
  permission: TrustistPermission;
  /** Whether the operation reads a JSON body; a GET's body is ignored, never parsed. */
  readsBody: boolean;
  handler: (ctx: HandlerContext) => Reply;
}

const OPERATIONS: Record<OperationId, Operation> = {
  createCustomer: { operationId: 'createCustomer', permission: 'create_customer', readsBody: true, handler: createCustomer },
  listCustomers: { operationId: 'listCustomers', permission: 'read_customers', readsBody: false, handler: listCustomers },
  getCustomer: { operationId: 'getCustomer', permission: 'read_customers', readsBody: false, handler: getCustomer },
  updateCustomer: { operationId: 'updateCustomer', permission: 'update_customer', readsBody: true, handler: updateCustomer },
  createOnboardSession: { operationId: 'createOnboardSession', permission: 'create_onboard_session', readsBody: true, handler: createOnboardSession },
};

/** The spec's three paths; segments are compared exactly (no case folding, no prefix match). */
const PATHS: { match: (s: string[]) => boolean; methods: Partial<Record<string, OperationId>> }[] = [
  { match: (s) => s.length === 2 && s[0] === 'v1' && s[1] === 'customers', methods: { GET: 'listCustomers', POST: 'createCustomer' } },
  { match: (s) => s.length === 3 && s[0] === 'v1' && s[1] === 'customers', methods: { GET: 'getCustomer', PUT: 'updateCustomer' } },
  { match: (s) => s.length === 3 && s[0] === 'v1' && s[1] === 'onboard' && s[2] === 'sessions', methods: { POST: 'createOnboardSession' } },
];

/** The operation a method and decoded path name: 404 for a path the API lacks, 405 for a method. */
export function routeRequest(method: string, segments: string[]): { operation: Operation; customerId: string } {
  const path = PATHS.find((p) => p.match(segments));
  if (!path) throw notFound(`there is no resource at /${segments.join('/')}`);
  const operationId = path.methods[method];
  if (!operationId) {
    const allowed = Object.keys(path.methods).join(', ');
    throw new TrustistProblem(405, 'method_not_allowed', `${method} is not supported here; use ${allowed}`, { allow: allowed });
  }
  return { operation: OPERATIONS[operationId], customerId: segments.length === 3 && segments[1] === 'customers' ? segments[2]! : '' };
}
