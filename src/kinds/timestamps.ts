import fc from 'fast-check';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CheckContext } from '../runner/check-context.ts';
import type { TimestampEncoding } from '../openapi/x-conform.ts';
import type { Kind } from './kind.ts';
import { OperationClient, type Data, type Reply } from './operation-client.ts';
import { bodiesOf, requiredOf } from './record-bodies.ts';
import { stampStepMs } from './stamp-step.ts';

/**
 * The created and updated stamps, in the encoding x-conform declares, are close to the request
 * time (params.toleranceMs, default 5 minutes of clock difference), updated not before created;
 * an update moves updated forward and leaves created as it was. params.on narrows what is judged
 * (default both): `create` the stamps a create answers, `update` what an update does to them,
 * read from its answer or, with params.updateFrom `get`, from a get after it (where what the
 * update answers is another rule's).
 */
export const timestamps: Kind = async (ctx: CheckContext, params) => {
  const a = new OperationClient(ctx, ctx.spec.conform.scope.primary);
  const { conform } = ctx.spec;
  const tolerance = typeof params.toleranceMs === 'number' ? params.toleranceMs : 300_000;
  const on = phasesParam(ctx, params);
  const { created: createdField, updated: updatedField } = conform.record.timestamps;
  // A stamp can only move forward once its smallest step has passed: a second for whole seconds.
  const wait = (record: Data) => (updatedField.encoding === 'unix-ms' ? 5 : updatedField.encoding === 'rfc3339' ? stampStepMs(record[updatedField.field]) + 5 : 1100);
  const ns = ctx.namespace('timestamps');
  const stampsOf = (reply: Reply, record: Data, what: string, judged: boolean) => {
    const created = readStamp(ctx, record, createdField.field, createdField.encoding, what);
    const updated = readStamp(ctx, record, updatedField.field, updatedField.encoding, what);
    if (!judged) return { created, updated };
    for (const [field, stamp] of [[createdField.field, created], [updatedField.field, updated]] as const) {
      ctx.assert(stamp >= reply.sentAt - tolerance && stamp <= reply.receivedAt + tolerance, `${what}: ${field} is not close to the request time`, {
        received: record[field],
        expected: `within ${tolerance} ms of ${new Date(reply.sentAt).toISOString()}`,
        pointer: `/${field}`,
      });
    }
    ctx.assert(updated >= created, `${what}: ${updatedField.field} is before ${createdField.field}`, { received: record, expected: `${updatedField.field} not before ${createdField.field}` });
    return { created, updated };
  };
  await ctx.property(
    fc.tuple(bodiesOf(ctx), bodiesOf(ctx)),
    async ([first, second]) => {
      const createReply = await a.create({ ...first, [conform.record.tag.field]: ns.next() });
      const record = a.recordOf(createReply, conform.operations.create);
      const id = a.idOf(record);
      const before = stampsOf(createReply, record, conform.operations.create, on.includes('create'));
      if (!on.includes('update')) return;
      await sleep(wait(record));
      const updateReply = await a.update(id, { ...second, ...requiredOf(ctx, second) });
      const updated = a.recordOf(updateReply, `${conform.operations.update} ${id}`);
      const stored = params.updateFrom === 'get' ? a.recordOf(await a.get(id), `${conform.operations.get} ${id} after the update`) : updated;
      const after = stampsOf(updateReply, stored, `${conform.operations.update} ${id}${params.updateFrom === 'get' ? ', then a get' : ''}`, on.includes('create'));
      ctx.assertEqual(after.created, before.created, `${createdField.field} changed on update`);
      ctx.assert(after.updated > before.updated, `${updatedField.field} did not move forward on update`, { received: after.updated, expected: `after ${before.updated}` });
    },
    // Each update waits a step of the stamps: those runs are few; stamps of creates alone cost nothing to wait for.
    { runs: on.includes('update') ? ctx.runsAtMost(5) : ctx.runs },
  );
};

function phasesParam(ctx: CheckContext, params: Record<string, unknown>): ('create' | 'update')[] {
  const given = params.on ?? ['create', 'update'];
  if (!Array.isArray(given) || given.length === 0 || !given.every((p) => p === 'create' || p === 'update')) {
    throw new Error(`${ctx.rule}: params.on must list create and/or update, not ${JSON.stringify(given)}`);
  }
  return given as ('create' | 'update')[];
}

/** A stamp as epoch ms; fails the rule when it is not in the declared encoding. */
function readStamp(ctx: CheckContext, record: Data, field: string, encoding: TimestampEncoding, what: string): number {
  const value = record[field];
  const fail = (expected: string): never => ctx.assert(false, `${what}: ${field} is not ${expected}`, { received: value, expected, pointer: `/${field}` }) as never;
  if (encoding === 'rfc3339') {
    if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(value) || Number.isNaN(Date.parse(value))) return fail('an RFC 3339 date-time');
    return Date.parse(value);
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) return fail(`an integer (${encoding})`);
  return encoding === 'unix-s' ? value * 1000 : value;
}
