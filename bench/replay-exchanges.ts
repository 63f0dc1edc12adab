import { request, type Dispatcher } from 'undici';
import type { KeyCredentials, Signer } from '../src/auth/signer.ts';
import type { RecordedExchange } from './record-exchanges.ts';

// The raw baseline of the suite-overhead figure: the suite's own requests, replayed in order
// with nothing around them but signing, one undici request each and reading the body. The
// replay target is a fresh mock with the same keys; ids the suite's creates were given are
// translated to the ids the fresh mock gives, so every request meets the same state (a GET
// of a created customer is a 200 again, not a 404) and the request mix stays the same.

const ID_TOKEN = /[0-9A-Za-z]+/g;

interface Prepared {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Credentials to sign afresh with; undefined: send the recorded headers as they were (unsigned or deliberately mis-signed). */
  signAs?: KeyCredentials;
  /** Created ids that occur in the path or body, to translate before sending. */
  ids: string[];
  /** The id the original response carried, when the request created or upserted a customer. */
  answeredId?: string;
}

export interface Replay {
  exchanges: number;
  wallMs: number;
  /** Requests whose status differed from the recorded one (should be ~0). */
  statusMismatches: number;
}

/** The customer id a 2xx answer carries (Trustist `id`, Trustly `customer.customerId`). */
export function answeredId(responseBody: string): string | undefined {
  if (!responseBody.startsWith('{')) return undefined;
  try {
    const json = JSON.parse(responseBody) as { id?: unknown; customer?: { customerId?: unknown } };
    const id = json.customer?.customerId ?? json.id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns a recording into replayable requests, before the clock starts: which credentials each
 * signed request used (looked up by the key id in its Authorization header), which created ids
 * it mentions. A request the target refused with 401 is replayed with its recorded headers.
 */
export function prepareReplay(log: RecordedExchange[], credentials: Record<string, string>): { prepared: Prepared[]; statuses: (number | undefined)[] } {
  const keys = keysById(credentials);
  const created = new Set<string>();
  const prepared: Prepared[] = [];
  for (const entry of log) {
    const { authorization, ...rest } = entry.headers;
    const signer = authorization === undefined || entry.status === 401 ? undefined : keyOf(authorization, keys);
    const text = `${entry.path}\n${entry.body ?? ''}`;
    const ids = [...new Set(text.match(ID_TOKEN) ?? [])].filter((token) => created.has(token));
    const id = entry.status !== undefined && entry.status < 300 && entry.method === 'POST' ? answeredId(entry.responseBody) : undefined;
    if (id !== undefined) created.add(id);
    prepared.push({
      method: entry.method,
      path: entry.path,
      headers: signer ? rest : entry.headers,
      ...(entry.body === undefined ? {} : { body: entry.body }),
      ...(signer ? { signAs: signer } : {}),
      ids,
      ...(id === undefined ? {} : { answeredId: id }),
    });
  }
  return { prepared, statuses: log.map((e) => e.status) };
}

/** Sends the prepared requests one after another, as the suite does, and times the whole loop. */
export async function replay(
  prepared: Prepared[],
  statuses: (number | undefined)[],
  baseUrl: string,
  signer: Signer,
  dispatcher: Dispatcher,
): Promise<Replay> {
  const translated = new Map<string, string>();
  let statusMismatches = 0;
  const started = performance.now();
  for (let i = 0; i < prepared.length; i++) {
    const p = prepared[i]!;
    let path = p.path;
    let body = p.body;
    for (const id of p.ids) {
      const now = translated.get(id);
      if (now === undefined) continue;
      path = path.replaceAll(id, now);
      if (body !== undefined) body = body.replaceAll(id, now);
    }
    const url = new URL(path, baseUrl);
    const headers = p.signAs ? { ...p.headers, ...signer({ method: p.method, url, body: body ?? '', contentType: p.headers['content-type'] }, p.signAs) } : p.headers;
    const response = await request(url, { method: p.method as Dispatcher.HttpMethod, headers, body, dispatcher });
    const text = await response.body.text();
    if (response.statusCode !== statuses[i]) statusMismatches++;
    if (p.answeredId !== undefined && response.statusCode < 300) {
      const id = answeredId(text);
      if (id !== undefined) translated.set(p.answeredId, id);
    }
  }
  return { exchanges: prepared.length, wallMs: performance.now() - started, statusMismatches };
}

/** Key id -> key, from credential variables (Trustist X_KEY_ID/X_KEY_SECRET, Trustly X_ACCESS_ID/X_ACCESS_KEY). */
function keysById(credentials: Record<string, string>): Map<string, KeyCredentials> {
  const keys = new Map<string, KeyCredentials>();
  for (const [name, id] of Object.entries(credentials)) {
    const secret = name.endsWith('_KEY_ID') ? credentials[`${name.slice(0, -3)}_SECRET`] : name.endsWith('_ACCESS_ID') ? credentials[`${name.slice(0, -3)}_KEY`] : undefined;
    if (secret !== undefined) keys.set(id, { id, secret });
  }
  return keys;
}

/** The key a Hawk or Basic Authorization header names, if the mock knows it. */
function keyOf(authorization: string, keys: Map<string, KeyCredentials>): KeyCredentials | undefined {
  const hawk = /^Hawk .*\bid="([^"]*)"/.exec(authorization);
  if (hawk) return keys.get(hawk[1]!);
  const basic = /^Basic (\S+)$/.exec(authorization);
  if (basic) {
    const text = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const key = keys.get(text.slice(0, text.indexOf(':')));
    return key && text === `${key.id}:${key.secret}` ? key : undefined;
  }
  return undefined;
}
