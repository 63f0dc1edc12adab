import type { Readable } from 'node:stream';

export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface BodyRead {
  bytes: Buffer;
  /** Bytes received in all (more than `bytes` holds when the cap was passed). */
  received: number;
  /** The body passed the cap: reading stopped and the stream was destroyed. */
  overCap: boolean;
  /** The stream failed before its end (reset, timeout, abort). */
  error?: unknown;
}

/** Reads a response body up to `capBytes`; never throws and never leaves the stream open. */
export async function readBody(body: Readable, capBytes = MAX_BODY_BYTES): Promise<BodyRead> {
  // A destroyed stream may still emit 'error' after the loop is gone: that must not surface as
  // an uncaught exception.
  body.on('error', () => {});
  const chunks: Buffer[] = [];
  let received = 0;
  try {
    for await (const chunk of body) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      received += buffer.length;
      if (received > capBytes) {
        chunks.push(buffer.subarray(0, buffer.length - (received - capBytes)));
        body.destroy();
        return { bytes: Buffer.concat(chunks), received, overCap: true };
      }
      chunks.push(buffer);
    }
    return { bytes: Buffer.concat(chunks), received, overCap: false };
  } catch (error) {
    body.destroy();
    return { bytes: Buffer.concat(chunks), received, overCap: false, error };
  }
}
