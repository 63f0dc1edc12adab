import { expectStatus } from './judge.ts';
import { expectRead, tagOf, type ModelRecord, type Scope, type System, type World } from './stateful-world.ts';

// The stateful kind's lists: what the model says a list by tag or by id holds, and the judging
// of the target's answer against it.

/** The records of the scope a list query must show: by tag (exactly, or regardless of case once the target showed that reading), or by id. */
function modelAnswer(world: World, system: System, scope: Scope, query: Record<string, string>, folded = world.tagFolds === true): ModelRecord[] {
  const { record } = system.ctx.spec.conform;
  const field = tagOf(system);
  const own = world.records.filter((r) => r.scope === scope);
  const tag = record.tag.listFilter === undefined ? undefined : query[record.tag.listFilter];
  if (tag !== undefined) {
    return own.filter((r) => {
      const value = r.candidates[0]![field];
      return typeof value === 'string' && (folded ? value.toLowerCase() === tag.toLowerCase() : value === tag);
    });
  }
  return own.filter((r) => r.id === query[record.id]);
}

const serialise = (records: ModelRecord[]) => JSON.stringify(records.map((r) => [r.id, r.candidates]));
const idsOf = (ids: string[]) => JSON.stringify([...ids].sort());

/** The list a Relist asks again: the latest whose model answer has changed since it was asked, else the latest. */
export function staleCandidate(world: World, system: System): { scope: Scope; query: Record<string, string> } {
  const changed = world.lists.findLast((q) => serialise(modelAnswer(world, system, q.scope, q.query)) !== q.answer);
  return changed ?? world.lists[world.lists.length - 1]!;
}

/**
 * Lists with the query and checks the answer holds exactly the model's matches, each as the
 * model holds it. A list that matches nothing may answer 404 where the list operation documents
 * it. With params.tagCase `undocumented`, a list by tag answering the case-folded matches pins
 * that reading.
 */
export async function expectList(world: World, system: System, scope: Scope, query: Record<string, string>): Promise<void> {
  const { ctx, options } = system;
  const client = system.clients[scope];
  let expected = modelAnswer(world, system, scope, query);
  const what = `${system.noun(scope)}'s ${ctx.spec.conform.operations.list}?${new URLSearchParams(query)}`;
  const reply = await client.call(ctx.spec.conform.operations.list, { query });
  if (!(options.list404 && reply.status === 404)) expectStatus(ctx, reply, [200], what);
  // The client reads the records of a bare or wrapped list (list-shape.ts); an empty 404 has none.
  const listed = reply.records ?? [];
  const listedIds = listed.map((r) => client.idOf(r));
  const byTag = ctx.spec.conform.record.tag.listFilter !== undefined && query[ctx.spec.conform.record.tag.listFilter] !== undefined;
  if (byTag && options.tagCaseOpen && world.tagFolds === undefined) {
    const folded = modelAnswer(world, system, scope, query, true);
    if (idsOf(folded.map((r) => r.id)) !== idsOf(expected.map((r) => r.id)) && idsOf(listedIds) === idsOf(folded.map((r) => r.id))) {
      world.tagFolds = true;
      expected = folded;
    }
  }
  ctx.assertEqual([...listedIds].sort(), expected.map((r) => r.id).sort(), `${what} did not return exactly the model's matches`);
  for (const answer of listed) expectRead(system, expected.find((r) => r.id === client.idOf(answer))!, answer, what);
  world.lists.push({ scope, query, ids: expected.map((r) => r.id), answer: serialise(expected) });
}
