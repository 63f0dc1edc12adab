import type { Exchange } from '../http/exchange.ts';

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);
const MAX_BODY_CHARS = 4096;

/**
 * Copies an exchange for a report: credential headers keep only their scheme, every
 * configured secret is blanked wherever it appears, and long bodies are cut.
 */
export function redactExchange(exchange: Exchange, secrets: string[]): Exchange {
  const scrub = (text: string) => secrets.reduce((t, secret) => (secret.length >= 4 ? t.split(secret).join('[redacted]') : t), text);
  const headers = (h: Record<string, string>) =>
    Object.fromEntries(Object.entries(h).map(([k, v]) => [k, SECRET_HEADERS.has(k.toLowerCase()) ? `${v.split(' ')[0]} [redacted]` : scrub(v)]));
  const body = (text: string) => scrub(text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}… (${text.length} characters in all)` : text);
  return {
    request: {
      method: exchange.request.method,
      url: scrub(exchange.request.url),
      headers: headers(exchange.request.headers),
      ...(exchange.request.body === undefined ? {} : { body: body(exchange.request.body) }),
    },
    ...(exchange.response
      ? { response: { status: exchange.response.status, headers: headers(exchange.response.headers), body: body(exchange.response.body) } }
      : {}),
    ...(exchange.error === undefined ? {} : { error: scrub(exchange.error) }),
    durationMs: Math.round(exchange.durationMs * 10) / 10,
  };
}
