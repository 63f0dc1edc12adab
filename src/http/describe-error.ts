/** Codes of failures to connect or of a connection dropped before any response came back. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

export function errorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; errors?: unknown[] };
  if (typeof e?.code === 'string') return e.code;
  // undici reports a failed connection to a name with several addresses as an AggregateError.
  return Array.isArray(e?.errors) ? errorCode(e.errors[0]) : undefined;
}

/** One line naming the error's code and what happened, e.g. `ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9`. */
export function describeError(error: unknown): string {
  const e = error as { message?: unknown; errors?: unknown[] };
  const inner = Array.isArray(e?.errors) ? e.errors.map((x) => String((x as { message?: unknown })?.message ?? x)).join('; ') : '';
  const message = String((typeof e?.message === 'string' && e.message) || inner || error);
  const code = errorCode(error);
  return code && !message.startsWith(code) ? `${code}: ${message}` : message;
}

/** Whether the request failed before any response for a reason a fresh connection may not share. */
export function isConnectionError(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && CONNECTION_CODES.has(code);
}
