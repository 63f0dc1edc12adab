/** What a signer sees of a request: everything a scheme may cover. */
export interface SignableRequest {
  method: string;
  url: URL;
  /** The exact body as sent ('' when there is none); a Buffer when it is not text (e.g. invalid UTF-8). */
  body: string | Buffer;
  contentType?: string;
}

export interface KeyCredentials {
  id: string;
  secret: string;
}

/**
 * A signer returns the headers that authenticate one request. A user's own signer module
 * exports a function of this shape as its default export.
 */
export type Signer = (request: SignableRequest, credentials: KeyCredentials) => Record<string, string>;
