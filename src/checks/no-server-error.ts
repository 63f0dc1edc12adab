import fc from 'fast-check';
import type { KeyCredentials } from '../auth/signer.ts';
import { invalidArbitrary, schemaArbitrary } from '../generation/index.ts';
import type { CheckContext } from '../harness/check-context.ts';
import { serverErrorsSeen } from '../harness/server-error-tally.ts';
import { sendSigned } from './send-as-documented.ts';
import { documentedOperations, fillPath, pathParameters, type DocumentedOperation } from './spec-operations.ts';

// `<vendor>.http.no-server-error`: no request, valid or not, is answered with a 5xx. Judged two
// ways, because neither alone covers "every request the suite sends":
// - a sweep of its own through every documented operation (read from the spec): valid bodies,
//   invalid ones (wrong types, not an object, malformed, empty, another content type), unknown
//   and odd path ids, odd and unknown query parameters. It stands alone, so the rule means the
//   same whichever other rules run, and its counterexample replays with `--rule`;
// - the run's tally (CheckContext.record notes every 5xx): any 5xx another rule received in this
//   process before this one fails it too. In the self-test and in a one-process run that is every
//   earlier request; with suite files in parallel workers, those of its own worker.

export interface NoServerErrorOptions {
  /** The key the sweep signs with: one that may call every operation. */
  credentials: KeyCredentials;
  /** Values for path parameters that name records the check made, e.g. `{ id: '3kTp9j2mN5xR' }`. */
  pathValues: Record<string, string>;
  /**
   * Makes a generated object body fit to send on a live target: tagged as the run's (orgId,
   * externalId), aimed at the check's own records. Called inside the property, so each run and
   * each shrinking replay gets fresh tags.
   */
  prepare(operationId: string, body: Record<string, unknown>): Record<string, unknown>;
}

const BODY_KINDS = ['valid body', 'invalid body', 'non-object body', 'malformed body', 'empty body', 'not JSON content type'] as const;
type BodyKind = (typeof BODY_KINDS)[number];
const PATH_KINDS = ['own', 'unknown', 'odd', 'odd raw'] as const;
type PathKind = (typeof PATH_KINDS)[number];
const QUERY_KINDS = ['none', 'odd value', 'repeated', 'unknown parameter'] as const;
type QueryKind = (typeof QUERY_KINDS)[number];

interface SweepCase {
  operationId: string;
  body: { kind: BodyKind; value?: unknown };
  path: { kind: PathKind; value?: string };
  query: { kind: QueryKind; value?: string };
}

const MALFORMED = ['{', '{"a":}', "{'a': 1}", '[1,]', 'nul', '{"a": 1} x', '\u0000', '{"a": "\\x"}', '{"a": 1}{"b": 2}', '\ufeff{}'];
/** Ids a router or store may choke on, sent percent-encoded as one path segment. */
const ODD_IDS = ['..', '.', '%', ' ', 'a/b', '0', '-1', 'x'.repeat(300), '\u0000', 'null', 'undefined', '{id}', '😀', 'é', "' OR '1'='1", '\\'];
/** Segments sent as they are: malformed or overlong percent-encodings, encoded separators. */
const ODD_RAW_IDS = ['%ZZ', '%C0%AF', '%2e%2e', '%00', '%E2%82', '%252F', '%2F'];

function caseArbitrary(ops: DocumentedOperation[]): fc.Arbitrary<SweepCase> {
  return fc.oneof(
    ...ops.map((op) => {
      const body: fc.Arbitrary<SweepCase['body']> = op.bodySchema
        ? fc.oneof(
            schemaArbitrary(op.bodySchema).map((value) => ({ kind: 'valid body' as const, value })),
            invalidArbitrary(op.bodySchema).map(({ value }) => ({ kind: 'invalid body' as const, value })),
            fc.oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)).map((value) => ({
              kind: 'non-object body' as const,
              value,
            })),
            fc.constantFrom(...MALFORMED).map((value) => ({ kind: 'malformed body' as const, value })),
            fc.constant({ kind: 'empty body' as const }),
            schemaArbitrary(op.bodySchema).map((value) => ({ kind: 'not JSON content type' as const, value })),
          )
        : fc.constant({ kind: 'empty body' as const });
      const path: fc.Arbitrary<SweepCase['path']> =
        pathParameters(op.path).length === 0
          ? fc.constant({ kind: 'own' as const })
          : fc.oneof(
              fc.constant({ kind: 'own' as const }),
              fc.stringMatching(/^[A-Za-z0-9]{1,40}$/).map((value) => ({ kind: 'unknown' as const, value })),
              fc.oneof(fc.constantFrom(...ODD_IDS), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 })).map((value) => ({ kind: 'odd' as const, value })),
              fc.constantFrom(...ODD_RAW_IDS).map((value) => ({ kind: 'odd raw' as const, value })),
            );
      const query: fc.Arbitrary<SweepCase['query']> = fc.oneof(
        fc.constant({ kind: 'none' as const }),
        ...(op.query.length > 0
          ? [
              fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('', 'x'.repeat(2000), '%', '&', '=', '😀')).map((value) => ({ kind: 'odd value' as const, value })),
              fc.constant({ kind: 'repeated' as const }),
            ]
          : []),
        fc.constantFrom('page=-1', 'limit=abc', 'pageSize=1e309', 'conform-unknown=1', '%ZZ=1', '=', '&&').map((value) => ({ kind: 'unknown parameter' as const, value })),
      );
      return fc.record({ operationId: fc.constant(op.operationId), body, path, query });
    }),
  );
}

/** One of each deterministic kind per operation: every run tries them, whatever the seed. */
function examplesOf(ops: DocumentedOperation[]): SweepCase[] {
  const out: SweepCase[] = [];
  const none = { kind: 'none' as const };
  const own = { kind: 'own' as const };
  for (const op of ops) {
    if (op.bodySchema) {
      out.push({ operationId: op.operationId, body: { kind: 'empty body' }, path: own, query: none });
      out.push({ operationId: op.operationId, body: { kind: 'malformed body', value: '{' }, path: own, query: none });
      out.push({ operationId: op.operationId, body: { kind: 'non-object body', value: [] }, path: own, query: none });
      out.push({ operationId: op.operationId, body: { kind: 'not JSON content type', value: {} }, path: own, query: none });
    }
    const body = op.bodySchema ? { kind: 'valid body' as const, value: {} } : { kind: 'empty body' as const };
    if (pathParameters(op.path).length > 0) {
      out.push({ operationId: op.operationId, body, path: { kind: 'unknown', value: 'conformUnknown0' }, query: none });
      out.push({ operationId: op.operationId, body, path: { kind: 'odd raw', value: '%ZZ' }, query: none });
    }
    if (op.query.length > 0) out.push({ operationId: op.operationId, body, path: own, query: { kind: 'odd value', value: '' } });
    out.push({ operationId: op.operationId, body, path: own, query: { kind: 'unknown parameter', value: 'conform-unknown=1' } });
  }
  return out;
}

function pathOf(op: DocumentedOperation, c: SweepCase, own: Record<string, string>): string {
  const names = pathParameters(op.path);
  let path: string;
  if (c.path.kind === 'own' || names.length === 0) path = fillPath(op.path, own);
  else if (c.path.kind === 'odd raw') path = op.path.replace(/\{[^}]+\}/g, c.path.value!);
  else path = fillPath(op.path, Object.fromEntries(names.map((n) => [n, c.path.value!])));
  const param = op.query[0];
  switch (c.query.kind) {
    case 'none':
      return path;
    case 'odd value':
      return `${path}?${encodeURIComponent(param!)}=${encodeURIComponent(c.query.value!)}`;
    case 'repeated':
      return `${path}?${encodeURIComponent(param!)}=a&${encodeURIComponent(param!)}=b`;
    case 'unknown parameter':
      return `${path}?${c.query.value}`;
  }
}

function bodyOf(op: DocumentedOperation, c: SweepCase, options: NoServerErrorOptions): { body?: string; contentType?: string } {
  if (!op.bodySchema) return {};
  const prepared = (value: unknown) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? options.prepare(op.operationId, value as Record<string, unknown>) : value);
  switch (c.body.kind) {
    case 'valid body':
    case 'invalid body':
    case 'non-object body':
      return { body: JSON.stringify(prepared(c.body.value)), contentType: 'application/json' };
    case 'malformed body':
      return { body: c.body.value as string, contentType: 'application/json' };
    case 'empty body':
      return { body: '', contentType: 'application/json' };
    case 'not JSON content type':
      return { body: JSON.stringify(prepared(c.body.value)), contentType: 'text/plain' };
  }
}

export async function noServerErrorCheck(ctx: CheckContext, options: NoServerErrorOptions): Promise<void> {
  const ops = documentedOperations(ctx.spec);
  const byId = new Map(ops.map((op) => [op.operationId, op]));
  let unanswered = 0;
  await ctx.property(
    caseArbitrary(ops),
    async (c) => {
      const op = byId.get(c.operationId)!;
      const sent = await sendSigned(ctx, options.credentials, { method: op.method, path: pathOf(op, c, options.pathValues), ...bodyOf(op, c, options) });
      if (!sent.response) {
        // Not an answer, so not a 5xx: counted, not judged (the report shows the exchange).
        unanswered++;
        return;
      }
      const { status, body } = sent.response;
      ctx.assert(status < 500, `${op.method} ${new URL(sent.request.url).pathname} (${op.operationId}, ${c.body.kind}, path ${c.path.kind}, query ${c.query.kind}) was answered with ${status}: no request may get a server error`, {
        received: { status, body: body.slice(0, 500) },
        expected: 'a status below 500',
      });
    },
    { examples: examplesOf(ops) },
  );
  const seen = serverErrorsSeen(ctx.config);
  const others = seen.kept.filter((s) => s.rule !== ctx.rule);
  ctx.assert(others.length === 0, `other rules of this run received ${others.length === seen.kept.length ? seen.count : others.length} server error(s): no request may get a 5xx`, {
    received: others.map((s) => ({ rule: s.rule, request: `${s.method} ${new URL(s.url).pathname}${new URL(s.url).search}`, status: s.status })),
    expected: 'no 5xx answer to any request of the run',
  });
  if (unanswered > 0) ctx.observe({ unanswered });
}
