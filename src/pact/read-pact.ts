import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadVendorSpec } from '../openapi/vendor-spec.ts';
import { VENDORS, type Vendor } from '../openapi/vendors.ts';

/** A pact file that cannot be read as one: exit 2, like any other input the user must fix. */
export class PactFileError extends Error {
  override name = 'PactFileError';
}

/** One HTTP interaction of a pact, whatever its specification version (2, 3 or 4). */
export interface PactInteraction {
  description: string;
  providerStates: { name: string; params?: Record<string, unknown> }[];
  request: {
    method: string;
    path: string;
    query: Record<string, string[]>;
    headers: Record<string, string>;
    /** The example body (matchers' example values), parsed when it is JSON. */
    body?: unknown;
    contentType?: string;
  };
  response: {
    status: number;
    /** Statuses a V4 status-code matcher allows beside the example: a list, or a class such as "success". */
    statusRule?: number[] | string;
    headers: Record<string, string>;
    body?: unknown;
    contentType?: string;
  };
}

export interface Pact {
  file: string;
  consumer: string;
  provider: string;
  specification: string;
  interactions: PactInteraction[];
  /** Interactions of other kinds (messages, plugins): neither verified over HTTP nor checked. */
  skipped: string[];
}

export async function readPact(file: string): Promise<Pact> {
  const path = resolve(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new PactFileError(`cannot read the pact file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new PactFileError(`${file} is not JSON: ${(error as Error).message}`);
  }
  return parsePact(document, path);
}

/** Reads a parsed pact document; `file` names it in messages. */
export function parsePact(document: unknown, file: string): Pact {
  if (!isObject(document) || !Array.isArray(document.interactions)) throw new PactFileError(`${file} is not a pact file (no "interactions" list)`);
  const consumer = nameOf(document.consumer);
  const provider = nameOf(document.provider);
  if (consumer === undefined || provider === undefined) throw new PactFileError(`${file} is not a pact file (no consumer or provider name)`);
  const metadata = isObject(document.metadata) ? document.metadata : {};
  const specification = String(
    (isObject(metadata.pactSpecification) && metadata.pactSpecification.version) || (isObject(metadata['pact-specification']) && metadata['pact-specification'].version) || '2.0.0',
  );
  const interactions: PactInteraction[] = [];
  const skipped: string[] = [];
  document.interactions.forEach((raw: unknown, index: number) => {
    if (!isObject(raw)) throw new PactFileError(`${file}: interaction ${index} is not an object`);
    const description = typeof raw.description === 'string' ? raw.description : `interaction ${index}`;
    if ((raw.type !== undefined && raw.type !== 'Synchronous/HTTP') || !isObject(raw.request) || !isObject(raw.response)) {
      skipped.push(description);
      return;
    }
    interactions.push(parseInteraction(raw, description, file, specification.startsWith('4')));
  });
  return { file, consumer, provider, specification, interactions, skipped };
}

/**
 * The vendor a pact is for: named by its provider (`trustist-customers`, `trustly-customers`,
 * or any name that holds the vendor's), else told by its paths: every one starts with the
 * literal segments all of one vendor's documented paths start with (Trustly's /api/v1, Trustist's
 * /v1), the longest such prefix winning. Undefined when neither tells.
 */
export async function vendorOfPact(pact: Pact): Promise<Vendor | undefined> {
  const name = pact.provider.toLowerCase();
  const named = VENDORS.filter((vendor) => name.includes(vendor)).sort((a, b) => b.length - a.length);
  if (named.length > 0) return named[0];
  const paths = pact.interactions.map((i) => i.request.path);
  if (paths.length === 0) return undefined;
  let best: { vendor: Vendor; prefix: string } | undefined;
  for (const vendor of VENDORS) {
    const prefix = commonPrefix(Object.keys((await loadVendorSpec(vendor)).spec.document.paths ?? {}));
    if (prefix === '' || !paths.every((p) => p.startsWith(`${prefix}/`))) continue;
    if (!best || prefix.length > best.prefix.length) best = { vendor, prefix };
  }
  return best?.vendor;
}

/** The literal leading segments every path template shares ('/api/v1' of /api/v1/customers and /api/v1/customers/{id}). */
function commonPrefix(templates: string[]): string {
  if (templates.length === 0) return '';
  const split = templates.map((t) => t.split('/').slice(1, -1));
  const shared: string[] = [];
  for (const [i, segment] of split[0]!.entries()) {
    if (segment.includes('{') || !split.every((s) => s[i] === segment)) break;
    shared.push(segment);
  }
  return shared.length === 0 ? '' : `/${shared.join('/')}`;
}

function parseInteraction(raw: Record<string, unknown>, description: string, file: string, v4: boolean): PactInteraction {
  const request = raw.request as Record<string, unknown>;
  const response = raw.response as Record<string, unknown>;
  if (typeof request.method !== 'string' || typeof request.path !== 'string') {
    throw new PactFileError(`${file}: interaction "${description}" has no request method or path`);
  }
  const requestHeaders = headersOf(request.headers);
  const responseHeaders = headersOf(response.headers);
  const requestBody = bodyOf(request.body, requestHeaders['content-type'], v4);
  const responseBody = bodyOf(response.body, responseHeaders['content-type'], v4);
  const status = typeof response.status === 'number' ? response.status : 200;
  const statusRule = statusRuleOf(response.matchingRules);
  return {
    description,
    providerStates: statesOf(raw),
    request: {
      method: request.method.toUpperCase(),
      path: request.path,
      query: queryOf(request.query),
      headers: requestHeaders,
      ...requestBody,
    },
    response: { status, ...(statusRule === undefined ? {} : { statusRule }), headers: responseHeaders, ...responseBody },
  };
}

function statesOf(raw: Record<string, unknown>): PactInteraction['providerStates'] {
  if (Array.isArray(raw.providerStates)) {
    return raw.providerStates.filter(isObject).map((s) => ({ name: String(s.name), ...(isObject(s.params) ? { params: s.params } : {}) }));
  }
  return typeof raw.providerState === 'string' ? [{ name: raw.providerState }] : [];
}

/** V2 writes the query as one string, V3 and V4 as a map of value lists. */
function queryOf(query: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (typeof query === 'string') {
    for (const [key, value] of new URLSearchParams(query)) (out[key] ??= []).push(value);
  } else if (isObject(query)) {
    for (const [key, value] of Object.entries(query)) out[key] = Array.isArray(value) ? value.map(String) : [String(value)];
  }
  return out;
}

/** Lower-case names; V4 writes each value as a list. */
function headersOf(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(headers)) return out;
  for (const [key, value] of Object.entries(headers)) out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  return out;
}

/** V4 wraps a body as `{ content, contentType, encoded }`; earlier versions hold the JSON itself. */
function bodyOf(body: unknown, headerType: string | undefined, v4: boolean): { body?: unknown; contentType?: string } {
  if (body === undefined) return headerType === undefined ? {} : { contentType: headerType };
  if (v4 && isObject(body) && 'content' in body) {
    const contentType = typeof body.contentType === 'string' ? body.contentType : headerType;
    let content = body.content;
    if (typeof content === 'string' && (body.encoded === 'base64' || body.encoded === true)) {
      content = Buffer.from(content, 'base64').toString('utf8');
    }
    if (typeof content === 'string' && /json/i.test(contentType ?? '')) {
      try {
        content = JSON.parse(content);
      } catch {
        // Left as text: the check reports that it is not JSON.
      }
    }
    return { body: content, ...(contentType === undefined ? {} : { contentType }) };
  }
  return { body, contentType: headerType ?? 'application/json' };
}

function statusRuleOf(rules: unknown): number[] | string | undefined {
  if (!isObject(rules) || !isObject(rules.status)) return undefined;
  const root = rules.status.$ ?? rules.status;
  const matchers = isObject(root) && Array.isArray(root.matchers) ? root.matchers : [];
  for (const matcher of matchers) {
    if (!isObject(matcher) || matcher.match !== 'statusCode') continue;
    if (Array.isArray(matcher.status)) return matcher.status.map(Number);
    if (typeof matcher.status === 'string') return matcher.status;
  }
  return undefined;
}

function nameOf(party: unknown): string | undefined {
  return isObject(party) && typeof party.name === 'string' ? party.name : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
