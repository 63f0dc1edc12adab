import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SpecValidators } from '../../openapi/index.ts';
import { belowBasePath, HttpProblem, parseJsonBody, parseTarget, readBody, sendJson, sendResponse, type ParsedTarget } from '../http-kit.ts';
import type { AuthSettings } from './auth-types.ts';
import { authenticateRequest } from './authenticate-request.ts';
import type { Customer, CustomerStore } from './customer-store.ts';
import type { TrustistFaultName } from './faults.ts';
import type { HandlerContext } from './handler-context.ts';
import type { OperationId } from './route-request.ts';
import { routeRequest } from './route-request.ts';
import { presentCustomer } from './present-customer.ts';
import { forbidden, notFound, sendProblem, unauthorized } from './trustist-problem.ts';
import type { TrustistVariantName } from './variants.ts';

export interface MockState {
  auth: AuthSettings;
  store: CustomerStore;
  validators: SpecValidators;
  fault?: TrustistFaultName;
  variants: ReadonlySet<TrustistVariantName>;
  baseUrl: () => string;
  /** The served path prefix ('' for none); routing reads the target below it, authentication the whole. */
  basePath?: string;
  /** The paging switch (MockOptions.pageSize). */
  pageSize?: number;
}

/**
 * Whether a permission fault skips the check for this operation: each skips it for exactly one.
 * Asked only of a key that lacks the permission, as plain comparisons, so that only such requests
 * count as meeting these faults where the self-test follows the mock's code (fault-reach.ts).
 */
function permissionUnchecked(operationId: OperationId, fault: TrustistFaultName | undefined): boolean {
  switch (operationId) {
    case 'createCustomer':
      return fault === 'create-permission-unchecked';
    case 'getCustomer':
      return fault === 'get-permission-unchecked';
    case 'listCustomers':
      return fault === 'list-permission-unchecked';
    case 'updateCustomer':
      return fault === 'update-permission-unchecked';
    case 'createOnboardSession':
      return fault === 'onboard-permission-unchecked';
    default:
      return false;
  }
}

/**
 * One request, in the order that keeps the store safe: authenticate, read and verify the body,
 * route, tenant context, permission, parse, then the operation. Nothing unauthenticated reaches
 * parsing or the store; every refusal is an HttpProblem rendered in the error shape; anything
 * else thrown is a bug in the mock, answered 500 instead of a dropped connection.
 */
export function createRequestHandler(state: MockState): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(req, res, state).catch((error: unknown) => {
      if (error instanceof HttpProblem) return sendProblem(res, error, state.variants);
      process.stderr.write(`trustist mock: unexpected error on ${req.method} ${req.url}: ${(error as Error)?.stack ?? String(error)}\n`);
      // An answer already sent or queued is sendResponse's to catch: it closes the connection.
      sendJson(res, 500, { error: 'internal_error', message: `the mock failed unexpectedly: ${(error as Error)?.message ?? String(error)}` });
    });
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, state: MockState): Promise<void> {
  const { auth, fault, variants } = state;
  const authenticated = await authenticateRequest(req, auth);
  const raw = await readBody(req);
  authenticated.verifyBody(raw);

  let target: ParsedTarget;
  const below = belowBasePath(req.url, state.basePath ?? '');
  if (below === undefined) throw notFound(`the API is served under ${state.basePath}; this path is outside it`);
  try {
    target = parseTarget(below);
  } catch {
    // A malformed percent-encoding names no resource; 404 is what every path operation documents.
    throw notFound('the request path has a malformed percent-encoding and names no resource');
  }
  if (req.method === 'DELETE' && target.segments.length === 3 && target.segments[0] === 'v1' && target.segments[1] === 'customers' && fault === 'delete-customer-accepted') {
    return wipeCustomer(res, state, authenticated.key.tenantId, target.segments[2]!);
  }
  const { operation, customerId } = routeRequest(req.method ?? '', target.segments);

  const key = !authenticated.key.tenantId && fault === 'merchant-key-accepted' ? auth.keyring.primary : authenticated.key;
  if (!key.tenantId) {
    // The vendor's API-keys page gives 403 for a merchant key; a variant answers that way.
    if (variants.has('merchant-key-403')) throw forbidden('this key has no tenant context: customer endpoints need a tenant key, merchant keys cover payments only');
    // The seed: a key "missing tenant context" gets 401 (the API-keys page's 403 is also accepted).
    throw unauthorized('this key has no tenant context: customer endpoints need a tenant key, merchant keys cover payments only', auth.scheme === 'hawk' ? 'Hawk' : 'HMAC-SHA256');
  }
  const ctx: HandlerContext = {
    store: state.store,
    fault,
    variants,
    validators: state.validators,
    now: auth.clock,
    tenantId: key.tenantId,
    body: undefined,
    query: target.query,
    customerId,
    baseUrl: state.baseUrl(),
    ...(state.pageSize === undefined ? {} : { pageSize: state.pageSize }),
  };
  if (!key.permissions.has(operation.permission) && !permissionUnchecked(operation.operationId, fault)) {
    if (operation.operationId === 'updateCustomer' && fault === 'update-forbidden-after-write') attempt(() => operation.handler({ ...ctx, body: parsedBody(operation, raw, req, fault) }));
    throw forbidden(`this key lacks the ${operation.permission} permission that ${operation.operationId} needs`);
  }
  const reply = operation.handler({ ...ctx, body: parsedBody(operation, raw, req, fault) });
  const body = key.tenantId !== auth.keyring.tenants.a && fault === 'tenant-id-shared' ? withTenantId(reply.body, auth.keyring.tenants.a) : reply.body;
  sendJson(res, replyStatus(operation.operationId, reply.status, variants), present(operation.operationId, body, variants), reply.headers);
}

/**
 * The request body as the operation reads it (a function of its own, not a closure: tsx, with
 * keepNames, renames every named closure it creates, on every request).
 */
function parsedBody(operation: { readsBody: boolean }, raw: Buffer, req: IncomingMessage, fault: string | undefined): unknown {
  if (!operation.readsBody) return undefined;
  // The fault: the body goes straight to JSON.parse, which throws on '' and ends as a 500.
  if (raw.length === 0 && fault === 'server-error-on-empty-body') return JSON.parse(raw.toString('utf8')) as unknown;
  return parseJsonBody(raw, req.headers['content-type']);
}

/** The success status as the variants choose it: the seed shows none for create, 200 and 201 are both read. */
function replyStatus(operationId: OperationId, status: number, variants: ReadonlySet<TrustistVariantName>): number {
  return operationId === 'createCustomer' && status === 201 && variants.has('create-200') ? 200 : status;
}

/** A reply body written the way the variants choose (the list's shape, null for absent, instants' spelling). */
function present(operationId: OperationId, body: unknown, variants: ReadonlySet<TrustistVariantName>): unknown {
  if (operationId === 'listCustomers') {
    const customers = (body as Customer[]).map((c) => presentCustomer(c, variants, true));
    return variants.has('list-wrapped') ? { customers } : customers;
  }
  if (operationId === 'createOnboardSession') return body;
  return presentCustomer(body as Customer, variants, operationId === 'getCustomer');
}

/** The tenant-id-shared fault: customers shown with one tenant's id, whoever owns them. */
function withTenantId(body: unknown, tenantId: string): unknown {
  if (Array.isArray(body)) return body.map((c) => withTenantId(c, tenantId));
  return typeof body === 'object' && body !== null && 'tenantId' in body ? { ...body, tenantId } : body;
}

/** The delete-customer-accepted fault: an undocumented DELETE that wipes the caller's customer. */
function wipeCustomer(res: ServerResponse, state: MockState, tenantId: string | undefined, id: string): void {
  const record = state.store.find(id);
  if (!record || record.tenantId !== tenantId) throw notFound(`no customer with id ${JSON.stringify(id)}`);
  state.store.replace(id, record, { id: record.id, tenantId: record.tenantId, created: record.created, lastUpdated: new Date(state.auth.clock()).toISOString() });
  sendResponse(res, 204, {});
}

function attempt(action: () => unknown): void {
  try {
    action();
  } catch {
    // The fault writes when it can; a refused body simply writes nothing.
  }
}
