import { createHash, createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { safeEqual } from '../http-kit.ts';
import type { Authenticated, AuthSettings } from './auth-types.ts';
import { NOTHING_TO_VERIFY } from './auth-types.ts';
import { unauthorized } from './trustist-problem.ts';

// The seed's header form, `HMAC-SHA256 Credential=…, Timestamp=…, Signature=…`, with the
// string-to-sign the spec defines in components.securitySchemes.hmacSha256. Written from that
// description alone (the mock shares no code with the suite's signer, or a shared bug would hide).

const WINDOW_MS = 300_000;
const CHALLENGE = 'HMAC-SHA256';

export interface HmacAuthorization {
  keyId: string;
  timestamp: number;
  signature: string;
}

/** Reads the header's three parameters, each exactly once; anything else is a garbled header. */
export function parseHmacAuthorization(header: string): HmacAuthorization | undefined {
  const match = /^HMAC-SHA256[ \t]+(.+)$/i.exec(header);
  if (!match) return undefined;
  const params = new Map<string, string>();
  for (const part of match[1]!.split(',')) {
    const pair = /^[ \t]*(Credential|Timestamp|Signature)=([^\s,]+)[ \t]*$/.exec(part);
    if (!pair || params.has(pair[1]!)) return undefined;
    params.set(pair[1]!, pair[2]!);
  }
  const keyId = params.get('Credential');
  const timestamp = params.get('Timestamp');
  const signature = params.get('Signature');
  if (!keyId || !timestamp || !signature || !/^\d{1,15}$/.test(timestamp) || !/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return undefined;
  return { keyId, timestamp: Number(timestamp), signature };
}

/** The spec's string-to-sign: six lines joined by "\n". */
export function hmacStringToSign(parts: { timestamp: number; method: string; target: string; host: string; body: Buffer }): string {
  return [
    'HMAC-SHA256',
    String(parts.timestamp),
    parts.method.toUpperCase(),
    parts.target,
    parts.host.toLowerCase(),
    createHash('sha256').update(parts.body).digest('hex'),
  ].join('\n');
}

export function authenticateHmac(req: IncomingMessage, header: string, settings: AuthSettings): Authenticated {
  const { keyring, fault } = settings;
  const parsed = parseHmacAuthorization(header);
  if (!parsed) throw unauthorized('the Authorization header is not of the form "HMAC-SHA256 Credential=<key id>, Timestamp=<unix s>, Signature=<base64>"', CHALLENGE);
  const key = keyring.byId.get(parsed.keyId);
  if (!key) {
    if (fault === 'auth-unknown-key-accepted') return { key: keyring.primary, verifyBody: NOTHING_TO_VERIFY };
    throw unauthorized('the key id in Credential= is not a known key', CHALLENGE);
  }
  const skew = Math.abs(parsed.timestamp * 1000 - settings.clock());
  if (skew > WINDOW_MS && fault !== 'auth-timestamp-unchecked') {
    throw unauthorized(`the Timestamp is ${Math.round(skew / 1000)} s from the server clock; at most ${WINDOW_MS / 1000} s is accepted`, CHALLENGE);
  }
  return {
    key,
    verifyBody(body) {
      // The body hash is inside the signed string, so the signature can only be checked now.
      const expected = createHmac('sha256', key.secret)
        .update(hmacStringToSign({ timestamp: parsed.timestamp, method: req.method ?? '', target: req.url ?? '', host: req.headers.host ?? '', body }), 'utf8')
        .digest('base64');
      if (!safeEqual(expected, parsed.signature) && fault !== 'auth-mac-ignored') {
        throw unauthorized('the Signature does not match the request (wrong secret, or a signed part was altered)', CHALLENGE);
      }
    },
  };
}
