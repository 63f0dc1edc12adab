import type { NextPage } from '../http/next-page.ts';
import { nextPageOf } from '../http/next-page.ts';
import { RuleIncomplete } from '../runner/rule-failure.ts';

/** Pages of one list a client reads at most. */
export const MAX_PAGES = 100;

/**
 * The path and query of a list's next page, or undefined on its last one. The spec may document
 * one answer; a target that pages anyway (a `Link: <...>; rel="next"` header, a `next` URL or a
 * continuation token in the body) is followed, same origin only, at most MAX_PAGES pages and never
 * back to a page already read. A list that cannot be read to its end leaves the rule incomplete.
 */
export function nextPagePath(current: URL, link: string | undefined, json: unknown, seen: Set<string>): string | undefined {
  seen.add(`${current.pathname}${current.search}`);
  const next = nextPageOf(link) ?? bodyNext(json);
  if (next === undefined) return undefined;
  const target = 'link' in next ? new URL(next.link, current) : 'token' in next ? withParam(current, next.token.name, next.token.value) : 'page' in next ? withParam(current, next.page.name, String(next.page.value)) : undefined;
  const unreadable = (why: string) => new RuleIncomplete(`the list could not be read to its end: ${why}`);
  if (target === undefined || target.origin !== current.origin) throw unreadable('unreadable' in next ? next.unreadable : "its next page is not on the target's origin");
  if (seen.has(`${target.pathname}${target.search}`)) throw unreadable('its next page link goes back to a page already read');
  if (seen.size >= MAX_PAGES) throw unreadable(`it has more than ${MAX_PAGES} pages, the most the suite reads`);
  return `${target.pathname}${target.search}`;
}

/** A next page the body names: a `next` URL, a continuation token, or page numbers (`page` of `totalPages`). */
export function bodyNext(json: unknown): NextPage | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const body = json as Record<string, unknown>;
  if (typeof body.next === 'string' && body.next !== '') return { link: body.next };
  for (const name of ['nextPageToken', 'continuationToken']) {
    const value = body[name];
    if (typeof value === 'string' && value !== '') return { token: { name, value } };
  }
  const total = body.totalPages ?? body.pageCount;
  if (Number.isSafeInteger(body.page) && typeof total === 'number') return (body.page as number) < total ? { page: { name: 'page', value: (body.page as number) + 1 } } : undefined;
  for (const flag of ['hasMore', 'has_more', 'moreResults']) if (body[flag] === true) return { unreadable: `the answer says ${flag}: true and names no next page` };
  return undefined;
}

function withParam(url: URL, name: string, value: string): URL {
  const next = new URL(url);
  next.searchParams.set(name, value);
  return next;
}
