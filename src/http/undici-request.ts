import { createRequire } from 'node:module';
import type { Dispatcher } from 'undici';

// undici's index loads about 110 modules (fetch, WebSocket, caches, cookies, mock agents, every
// kind of dispatcher) where `request` needs 26: the request API and the global Agent. A run's
// worker sends its first request only after loading them, so it loads the few it uses, on the
// first request. undici's package has no `exports` map, so its files load by path; its index
// builds `request` from these same ones, and both share the one global dispatcher.
type RequestApi = (this: Dispatcher, options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>;

interface Loaded {
  request: RequestApi;
  getGlobalDispatcher: () => Dispatcher;
  /** Throws undici's own error for a URL that is not http: or https:, as `request` does. */
  parseURL: (url: URL) => URL;
}

let loaded: Loaded | undefined;

function load(): Loaded {
  const require = createRequire(import.meta.url);
  return {
    request: require('undici/lib/api/api-request.js') as RequestApi,
    getGlobalDispatcher: (require('undici/lib/global.js') as Pick<Loaded, 'getGlobalDispatcher'>).getGlobalDispatcher,
    parseURL: (require('undici/lib/core/util.js') as Pick<Loaded, 'parseURL'>).parseURL,
  };
}

export type UrlRequestOptions = Omit<Dispatcher.RequestOptions, 'origin' | 'path'> & { dispatcher?: Dispatcher | undefined };

/**
 * undici's `request(url, options)`: the same call on the same dispatcher (the one given, else
 * undici's global Agent) with the same origin and request-target, from the modules it needs only.
 */
export function undiciRequest(url: URL, options: UrlRequestOptions): Promise<Dispatcher.ResponseData> {
  loaded ??= load();
  loaded.parseURL(url);
  const { dispatcher = loaded.getGlobalDispatcher(), ...rest } = options;
  return loaded.request.call(dispatcher, { ...rest, origin: url.origin, path: url.search ? `${url.pathname}${url.search}` : url.pathname });
}
