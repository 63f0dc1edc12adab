import fc from 'fast-check';
import type { CheckContext } from '../runner/check-context.ts';
import type { Kind } from './kind.ts';
import { OperationClient, type Data } from './operation-client.ts';
import { bodiesOf } from './record-bodies.ts';
import { skipIfRefused } from './skip-if-refused.ts';

/**
 * Every record carries its account's id in x-conform's scope.field: a non-empty string, the same on
 * every record of one account (in the create answer and in a get), and different for the other
 * account (scope.other). Records of both accounts are drawn; params.runsAtMost caps the runs (the
 * field depends on the key, not on the data).
 */
export const scopeField: Kind = async (ctx: CheckContext, params) => {
  const { conform } = ctx.spec;
  const field = conform.scope.field;
  if (field === undefined) ctx.skip(`the x-conform of ${ctx.spec.spec.vendor} names no scope field`);
  const clients = { primary: new OperationClient(ctx, conform.scope.primary), other: new OperationClient(ctx, conform.scope.other) };
  void clients.other.credentials; // skips the rule, naming the variables, before anything is written
  const seen = { primary: new Set<unknown>(), other: new Set<unknown>() };
  const noun = conform.scope.noun;
  const ns = ctx.namespace('scope-field');
  const carried = (record: Data, where: string) => {
    ctx.assert(typeof record[field] === 'string' && record[field] !== '', `the ${where} must carry the ${noun}'s id as ${field}`, { received: record[field], expected: 'a non-empty string', pointer: `/${field}` });
    return record[field];
  };
  // Both accounts among the examples, so the comparison below has a value of each.
  const accounts = ['primary', 'other'] as const;
  const examples = fc.sample(bodiesOf(ctx), { seed: ctx.seed, numRuns: 2 }).map((body, i) => [accounts[i]!, body] as [(typeof accounts)[number], Data]);
  await ctx.property(
    fc.tuple(fc.constantFrom(...accounts), bodiesOf(ctx)),
    async ([account, body]) => {
      const client = clients[account];
      const role = client.role;
      const reply = await client.create({ ...body, [conform.record.tag.field]: ns.next() });
      skipIfRefused(ctx, reply, `a create body of ${role}`);
      const created = client.recordOf(reply, `${role}'s ${conform.operations.create}`);
      seen[account].add(carried(created, `${conform.operations.create} answer (${role})`));
      seen[account].add(carried(client.recordOf(await client.get(client.idOf(created)), `${role}'s ${conform.operations.get}`), `${conform.operations.get} answer (${role})`));
      ctx.assert(seen[account].size === 1, `every record of ${role} must carry the same ${field}`, { received: [...seen[account]], expected: `one ${field}` });
    },
    { runs: ctx.runsAtMost(typeof params.runsAtMost === 'number' ? params.runsAtMost : 10), examples },
  );
  const [ofPrimary] = [...seen.primary];
  const [ofOther] = [...seen.other];
  if (ofPrimary === undefined || ofOther === undefined) ctx.skip(`every create body of ${ofPrimary === undefined ? conform.scope.primary : conform.scope.other} was refused: no record to compare`);
  ctx.assert(ofPrimary !== ofOther, `two ${noun}s' records must carry different ${field}s`, { received: { [conform.scope.primary]: ofPrimary, [conform.scope.other]: ofOther }, expected: `two different ${field}s` });
};
