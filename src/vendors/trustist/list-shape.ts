import type { NextPage } from '../../http/next-page.ts';
import type { Customer } from './model.ts';

/** How the target shaped a list answer (undocumented: trustist.customers.list.shape records it). */
export type ListShape = { kind: 'array' } | { kind: 'object'; key: string; otherFields: string[] };

export interface ExtractedList {
  customers: Customer[];
  shape: ListShape;
  /** Where the next page is, when the answer says so. */
  next?: NextPage;
}

export type { NextPage } from '../../http/next-page.ts';

// The names the spec's CustomerListEnvelope lists, in the order a reader would guess them.
const ARRAY_KEYS = ['customers', 'items', 'data', 'results', 'value'];
const TOKEN_KEYS = ['nextPageToken', 'continuationToken'];

/**
 * The customers of a list answer in either documented reading: a bare array, or an object
 * holding the array (under a likely name, else under its only array-valued property).
 * Undefined when the body is neither.
 */
export function extractCustomers(body: unknown): ExtractedList | undefined {
  if (Array.isArray(body)) return { customers: body as Customer[], shape: { kind: 'array' } };
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const arrayKeys = Object.keys(record).filter((k) => Array.isArray(record[k]));
  const key = ARRAY_KEYS.find((k) => arrayKeys.includes(k)) ?? (arrayKeys.length === 1 ? arrayKeys[0] : undefined);
  if (key === undefined) return undefined;
  const extracted: ExtractedList = {
    customers: record[key] as Customer[],
    shape: { kind: 'object', key, otherFields: Object.keys(record).filter((k) => k !== key).sort() },
  };
  const next = record.next;
  if (typeof next === 'string' && next !== '') extracted.next = { link: next };
  for (const name of TOKEN_KEYS) {
    const value = record[name];
    if (typeof value === 'string' && value !== '') extracted.next = { token: { name, value } };
  }
  extracted.next ??= pageNumberPaging(record) ?? moreWithoutAWay(record);
  return extracted;
}

/** Page-number paging, where the answer shows it: `page` with `totalPages` (or `pageCount`). */
function pageNumberPaging(record: Record<string, unknown>): NextPage | undefined {
  const page = record.page;
  const total = record.totalPages ?? record.pageCount;
  if (typeof page !== 'number' || typeof total !== 'number' || !Number.isSafeInteger(page)) return undefined;
  return page < total ? { page: { name: 'page', value: page + 1 } } : undefined;
}

/** An answer that says there is more (`hasMore: true`, `has_more: true`) and names no next page. */
function moreWithoutAWay(record: Record<string, unknown>): NextPage | undefined {
  for (const flag of ['hasMore', 'has_more', 'moreResults']) if (record[flag] === true) return { unreadable: `the answer says ${flag}: true and names no next page` };
  return undefined;
}

/**
 * The list answer with only the records `isOwn` accepts, envelope kept: what a rule may judge on a
 * shared tenant, where every other record belongs to someone else. Other bodies pass unchanged.
 */
export function ownRecordsOnly(body: unknown, isOwn: (record: Record<string, unknown>) => boolean): unknown {
  const extracted = extractCustomers(body);
  if (!extracted) return body;
  const own = extracted.customers.filter((c) => typeof c === 'object' && c !== null && isOwn(c as unknown as Record<string, unknown>));
  return extracted.shape.kind === 'array' ? own : { ...(body as Record<string, unknown>), [extracted.shape.key]: own };
}
