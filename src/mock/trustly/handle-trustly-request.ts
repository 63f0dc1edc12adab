import type { IncomingMessage, ServerResponse } from 'node:http';
import { belowBasePath, parseJsonBody, parseTarget, readBodyThen, type ParsedTarget } from '../http-kit.ts';
import { authenticate } from './basic-auth.ts';
import { createOrUpdateCustomer, getCustomer, listCustomers, updateCustomerById, type Call, type Reply } from './customer-handlers.ts';
import { DOMAINS, ERROR_CODES, TrustlyProblem, errorBody, toTrustlyProblem } from './trustly-problem.ts';
import type { TrustlyContext } from './trustly-context.ts';
import { presentBody, readBody } from './present-customer.ts';
import { sendJsonText } from './send-json-text.ts';

interface Operation {
  operationId: string;
  /** Only the POST operations read a body; a GET's body is left for Node to discard. */
  readsBody: boolean;
  run: (ctx: TrustlyContext, call: Call) => Reply;
}

const COLLECTION: Record<string, Operation> = {
  GET: { operationId: 'listCustomers', readsBody: false, run: listCustomers },
  POST: { operationId: 'createOrUpdateCustomer', readsBody: true, run: createOrUpdateCustomer },
};

const ITEM: Record<string, Operation> = {
  GET: { operationId: 'getCustomer', readsBody: false, run: getCustomer },
  POST: { operationId: 'updateCustomer', readsBody: true, run: updateCustomerById },
};

/**
 * Answers one request. Order matters: authentication first (before the path, the body or the
 * store), then routing, then body parsing and validation inside the operation. Anything thrown,
 * expected or not, ends as an error in the Trustly shape; an unexpected one is a 500, which the
 * mock's tests prove never happens. No promise: the body is read through a callback
 * (http-kit's readBodyThen), the one wait of a request.
 */
export function handleTrustlyRequest(ctx: TrustlyContext, req: IncomingMessage, res: ServerResponse): void {
  let operation: Operation | undefined;
  let call: Call;
  try {
    const merchant = authenticate(req.headers.authorization, ctx.merchants, ctx.fault);
    const below = belowBasePath(req.url, ctx.basePath ?? '');
    if (below === undefined) throw noSuchResource(req.url ?? '/');
    const target = targetOf(below);
    const route = routeOf(target.segments);
    // The put-updates fault: PUT on a customer is served as the update (POST).
    const method = req.method === 'PUT' && route.customerId !== undefined && ctx.fault === 'put-updates' ? 'POST' : (req.method ?? '');
    operation = route.operations[method];
    if (!operation) throw methodNotAllowed(req.method ?? '', route.path);
    if (route.customerId !== undefined && !/^[0-9]+$/.test(route.customerId) && ctx.fault === 'server-error-on-malformed-id') {
      throw new Error(`customerId ${route.customerId} is not numeric`);
    }
    call = { merchant, query: target.query, body: undefined, ...(route.customerId === undefined ? {} : { customerId: route.customerId }) };
  } catch (error) {
    sendProblem(ctx, res, error, operation && ctx.documented.get(operation.operationId));
    return;
  }
  const { run, operationId } = operation;
  if (!operation.readsBody) return answer(ctx, res, run, operationId, call);
  readBodyThen(req, (unread, raw) => {
    let problem: unknown = unread;
    // A throw here would escape to the process (this runs in the request's 'end' listener).
    try {
      if (!problem) call.body = readBody(parseJsonBody(raw!, req.headers['content-type']), ctx.variants);
    } catch (error) {
      problem = error;
    }
    try {
      if (problem) sendProblem(ctx, res, problem, ctx.documented.get(operationId));
      else answer(ctx, res, run, operationId, call);
    } catch {
      res.destroy();
    }
  });
}

function answer(ctx: TrustlyContext, res: ServerResponse, run: Operation['run'], operationId: string, call: Call): void {
  try {
    const reply = run(ctx, call);
    // A payload spelled from stored records is the records as stored: only a mock without
    // variants, which presents records as they are, may send it as it is.
    if (reply.payload && ctx.variants.size === 0) sendJsonText(res, reply.status, reply.payload.text, undefined, reply.payload.bytes);
    else sendJsonText(res, reply.status, JSON.stringify(presentBody(reply.payload ? JSON.parse(reply.payload.text) : reply.body, ctx.variants)));
  } catch (error) {
    sendProblem(ctx, res, error, ctx.documented.get(operationId));
  }
}

function sendProblem(ctx: TrustlyContext, res: ServerResponse, error: unknown, documented: ReadonlySet<number> | undefined): void {
  const problem = toTrustlyProblem(error, documented);
  // An answer already sent or queued is sendResponse's to catch: it closes the connection.
  sendJsonText(res, problem.status, JSON.stringify(presentBody(errorBody(problem, ctx.fault), ctx.variants)), problem.headers);
}

/** A target whose percent-encoding does not decode names no resource: 404, like any unknown path. */
function targetOf(url: string | undefined): ParsedTarget {
  try {
    return parseTarget(url);
  } catch {
    throw noSuchResource(url ?? '/');
  }
}

interface Route {
  path: string;
  operations: Record<string, Operation>;
  customerId?: string;
}

function routeOf(segments: string[]): Route {
  const [api, version, collection, customerId, ...extra] = segments;
  if (api === 'api' && version === 'v1' && collection === 'customers' && extra.length === 0) {
    if (customerId === undefined) return { path: '/api/v1/customers', operations: COLLECTION };
    return { path: '/api/v1/customers/{customerId}', operations: ITEM, customerId };
  }
  throw noSuchResource(`/${segments.join('/')}`);
}

function noSuchResource(path: string): TrustlyProblem {
  const shown = path.length > 200 ? `${path.slice(0, 200)}...` : path;
  return new TrustlyProblem(404, ERROR_CODES.invalidParameter, DOMAINS.request, {
    message: `No resource at ${JSON.stringify(shown)}; the customer endpoints are /api/v1/customers and /api/v1/customers/{customerId}.`,
  });
}

function methodNotAllowed(method: string, path: string): TrustlyProblem {
  return new TrustlyProblem(
    405,
    ERROR_CODES.invalidParameter,
    DOMAINS.request,
    { message: `Method ${method} is not supported on ${path}; use GET or POST.` },
    { allow: 'GET, POST' },
  );
}
