import LinkHeader from 'http-link-header';

/**
 * Where a list answer says its next page is: a URL (a body `next`, or a Link header), a token to
 * send back, a page number; or `unreadable`: the answer says there is more but not how to get it.
 */
export type NextPage = { link: string } | { token: { name: string; value: string } } | { page: { name: string; value: number } } | { unreadable: string };

/** The `rel="next"` target of a Link header (RFC 8288), if it names one. */
export function nextPageOf(linkHeader: string | undefined): NextPage | undefined {
  if (linkHeader === undefined || linkHeader.trim() === '') return undefined;
  let next: string | undefined;
  try {
    next = LinkHeader.parse(linkHeader).rel('next')[0]?.uri;
  } catch (error) {
    return { unreadable: `its Link header could not be parsed (${(error as Error).message})` };
  }
  return next === undefined ? undefined : { link: next };
}
