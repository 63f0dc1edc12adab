import { Agent, type Dispatcher } from 'undici';

/** One request as it went over the wire, and what came back: enough to replay it. */
export interface RecordedExchange {
  method: string;
  origin: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  status?: number;
  responseBody: string;
}

/**
 * An undici dispatcher that records every request sent through it in full. The suite keeps only
 * a rule's last exchanges (CheckContext.record); installed as the global dispatcher, this sees
 * all of them without any change to src/.
 */
export function recordingAgent(log: RecordedExchange[]): Dispatcher {
  const recorder: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) => {
    const entry: RecordedExchange = {
      method: opts.method,
      origin: String(opts.origin),
      path: opts.path,
      headers: headerRecord(opts.headers),
      ...(opts.body == null ? {} : { body: Buffer.isBuffer(opts.body) ? opts.body.toString('utf8') : String(opts.body) }),
      responseBody: '',
    };
    log.push(entry);
    const chunks: Buffer[] = [];
    const h = handler as Dispatcher.DispatchHandler;
    return dispatch(opts, {
      onRequestStart: (controller, context) => h.onRequestStart?.(controller, context),
      onRequestUpgrade: (controller, status, headers, socket) => h.onRequestUpgrade?.(controller, status, headers, socket),
      onResponseStart: (controller, status, headers, message) => {
        entry.status = status;
        return h.onResponseStart?.(controller, status, headers, message);
      },
      onResponseData: (controller, chunk) => {
        chunks.push(chunk);
        return h.onResponseData?.(controller, chunk);
      },
      onResponseEnd: (controller, trailers) => {
        entry.responseBody = Buffer.concat(chunks).toString('utf8');
        return h.onResponseEnd?.(controller, trailers);
      },
      onResponseError: (controller, error) => h.onResponseError?.(controller, error),
    });
  };
  return new Agent().compose(recorder);
}

function headerRecord(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers == null) return out;
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) out[String(headers[i]).toLowerCase()] = String(headers[i + 1]);
    return out;
  }
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) if (value !== undefined) out[key.toLowerCase()] = String(value);
  return out;
}
