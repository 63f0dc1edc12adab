import fc from 'fast-check';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { customerBodies } from '../../src/vendors/trustly/arbitraries.ts';
import { clientOf } from '../../src/vendors/trustly/client.ts';
import type { Merchant } from '../../src/vendors/trustly/client.ts';
import { OPTIONAL_FIELDS } from '../../src/vendors/trustly/model.ts';
import { Create, Get, List, Relist, Update, UpsertByCustomerId, type System, type World } from './stateful-commands.ts';

/** Sequences this long hold enough creates, updates and repeated lists to meet stale lists and ids reused. */
const MAX_COMMANDS = 30;

export const statefulChecks = defineChecks('stateful', {
  'trustly.model.stateful': async (ctx: CheckContext) => {
    const ns = new TagNamespace(ctx.tag, 'stateful');
    const extra = new TagNamespace(ctx.tag, 'stateful-x');
    const system: System = {
      ctx,
      clients: { A: clientOf(ctx, 'A'), B: clientOf(ctx, 'B') },
      seen: new Map(),
      merchantIds: {},
      times: new Map(),
      fresh: () => extra.next(),
    };

    // Merchant A does most of the work; B's calls are the cross-merchant attempts (and its own customers).
    const merchant = fc.oneof({ weight: 3, arbitrary: fc.constant<Merchant>('A') }, { weight: 1, arbitrary: fc.constant<Merchant>('B') });
    const index = fc.nat(7);
    const key = fc.nat(3);
    const body = customerBodies(ctx, { style: 'plain' });
    const nulls = fc.subarray(OPTIONAL_FIELDS.filter((f) => f !== 'externalId'), { maxLength: 4 });
    const create = fc.tuple(merchant, key, body).map(([m, k, b]) => new Create(m, k, b));
    const upsert = fc.tuple(merchant, index, body).map(([m, i, b]) => new UpsertByCustomerId(m, i, b));
    // Mostly an edit of a customer the latest list showed: where a stale list shows.
    const listed = fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });
    const update = fc
      .tuple(merchant, index, body, nulls, fc.option(key, { nil: undefined }), listed)
      .map(([m, i, b, n, k, l]) => new Update(m, i, b, n, k, l));
    const get = fc.tuple(merchant, index).map(([m, i]) => new Get(m, i));
    const listByExternalId = fc.tuple(merchant, key).map(([m, k]) => new List(m, 'externalId', k));
    const listByCustomerId = fc.tuple(merchant, index).map(([m, i]) => new List(m, 'customerId', i));
    const relist = fc.constant(null).map(() => new Relist());
    // fc.commands draws uniformly from the list, so repetition is the weight: writes and lists
    // dominate, because a stale list shows only when a list, an update and the same list meet.
    const commands = fc.commands(
      [create, create, upsert, update, update, update, get, listByExternalId, listByExternalId, listByCustomerId, relist, relist, relist],
      { maxCommands: MAX_COMMANDS, size: 'max' },
    );

    await ctx.property(commands, async (cmds) => {
      // A fresh externalId namespace per sequence: the model starts empty, and so does the target's view of it.
      const root = ns.next();
      const world: World = { customers: [], lists: [], pool: [`${root}a`, `${root}ab`, `${root}A`, `${root}b`] };
      await fc.asyncModelRun(() => ({ model: world, real: system }), cmds);
    });
  },
});
