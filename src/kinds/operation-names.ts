import type { CheckContext } from '../runner/check-context.ts';
import type { XConform } from '../openapi/x-conform.ts';

export type OperationName = keyof XConform['operations'];
const NAMES: OperationName[] = ['create', 'get', 'update', 'list'];

/** The operations a kind's `operations` parameter names (create, get, update, list), or `fallback`. */
export function operationsParam(ctx: CheckContext, params: Record<string, unknown>, fallback: OperationName[]): OperationName[] {
  const given = params.operations;
  if (given === undefined) return fallback;
  if (!Array.isArray(given) || !given.every((n): n is OperationName => NAMES.includes(n as OperationName))) {
    throw new Error(`${ctx.rule}: params.operations must list some of ${NAMES.join(', ')}, not ${JSON.stringify(given)}`);
  }
  return given;
}

/** A kind's numeric list parameter (e.g. the statuses a refusal may have), or `fallback`. */
export function statusesParam(ctx: CheckContext, params: Record<string, unknown>, name: string, fallback: number[]): number[] {
  const given = params[name];
  if (given === undefined) return fallback;
  if (!Array.isArray(given) || !given.every((n) => Number.isInteger(n))) throw new Error(`${ctx.rule}: params.${name} must be a list of statuses, not ${JSON.stringify(given)}`);
  return given as number[];
}

/**
 * Operations of the spec beyond create, get, update and list that a kind's `others` parameter
 * names by id, each with its body (see withId).
 */
export function othersParam(ctx: CheckContext, params: Record<string, unknown>): { operationId: string; json?: unknown }[] {
  const given = params.others ?? [];
  if (!Array.isArray(given) || !given.every((o) => typeof o === 'object' && o !== null && typeof (o as { operationId?: unknown }).operationId === 'string')) {
    throw new Error(`${ctx.rule}: params.others must list { operationId, json } entries, not ${JSON.stringify(given)}`);
  }
  return given as { operationId: string; json?: unknown }[];
}

/** A body with every string "{id}" in it replaced by the record's id. */
export function withId(json: unknown, id: string): unknown {
  if (json === '{id}') return id;
  if (Array.isArray(json)) return json.map((v) => withId(v, id));
  if (typeof json === 'object' && json !== null) return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, withId(v, id)]));
  return json;
}
