import type { ServerResponse } from 'node:http';
import { sendResponse } from '../http-kit.ts';

/**
 * Sends JSON held as text. node's http joins a string body to the head as one string, where a
 * Buffer body (http-kit's sendJsonPayload) needs the text copied into a Buffer first; the socket
 * write is a writev either way (res.end queues an empty chunk after the body). The bytes on the
 * wire are the same.
 */
export function sendJsonText(res: ServerResponse, status: number, text: string, headers?: Record<string, string>, length = Buffer.byteLength(text)): void {
  const head = { 'content-type': 'application/json; charset=utf-8', 'content-length': String(length) };
  sendResponse(res, status, headers ? { ...head, ...headers } : head, text);
}
