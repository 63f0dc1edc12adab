// An example signer module for `conform run --auth ./examples/signer/my-signer.mjs`.
//
// conform calls the default export once for every request it sends, a retry included, with
//   request:     { method, url, body, contentType }
//                method       'GET', 'POST', ... (upper case)
//                url          a WHATWG URL; what goes on the wire is url.pathname + url.search,
//                             and url.host is the Host header: sign those, not url.href re-parsed
//                body         the exact body sent: a string, '' when there is none, or a Buffer
//                             when it is not valid UTF-8
//                contentType  the Content-Type header sent, or undefined
//   credentials: { id, secret } from TRUSTIST_KEY_ID / TRUSTIST_KEY_SECRET (or the other key
//                variables, for the rules that use another key)
// and sends the headers it returns along with the request. It must be synchronous, must not
// reuse a nonce (conform checks that a target refuses replays), and should throw with a clear
// message when it cannot sign.
//
// This one signs with Hawk 1 (sha256) written out with node:crypto, so every signed byte is in
// view, and adds a header of its own, as a gateway in front of the API might require. Start from
// it when your organisation's auth differs from the two built-in schemes.

import { createHash, createHmac, randomBytes } from 'node:crypto';

/** The Hawk payload hash: over the content type (no parameters, lower case) and the body bytes. */
function payloadHash(body, contentType) {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return createHash('sha256').update(`hawk.1.payload\n${type}\n`).update(body).update('\n').digest('base64');
}

/** @type {import('../../src/auth/signer.ts').Signer} */
export default function mySigner(request, credentials) {
  const { url } = request;
  const ts = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(9).toString('base64url');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  // Every request carries the payload hash, an empty body's included: a strict Hawk server wants it.
  const hash = payloadHash(request.body, request.contentType);
  const normalized = ['hawk.1.header', ts, nonce, request.method.toUpperCase(), url.pathname + url.search, url.hostname.toLowerCase(), port, hash, ''].join('\n') + '\n';
  const mac = createHmac('sha256', credentials.secret).update(normalized).digest('base64');
  return {
    authorization: `Hawk id="${credentials.id}", ts="${ts}", nonce="${nonce}", hash="${hash}", mac="${mac}"`,
    'x-client': 'my-signer-example/1.0',
  };
}
