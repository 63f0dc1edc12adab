import type { Customer } from './customer-store.ts';

// A stored record is never changed in place: every write assembles a new one (customer-writes.ts).
// So the JSON of `{ customer }` can be kept per record and sent again by every GET of it, instead
// of serialising the same record on each read; a replaced record's entry goes with it. Only a
// read keeps it: a write's answer is sent once, and keeping the text of every record written
// (300-odd bytes each, in a WeakMap) made each create's garbage collection dearer as the store grew.

export interface ReplyJson {
  text: string;
  /** Its length in UTF-8 bytes: the Content-Length. */
  bytes: number;
}

const REPLY_JSON = new WeakMap<Customer, ReplyJson>();

/** `JSON.stringify({ customer })` and its length in bytes, serialised once per stored record read. */
export function customerReplyJson(customer: Customer): ReplyJson {
  let payload = REPLY_JSON.get(customer);
  if (!payload) {
    payload = writtenReplyJson(customer);
    REPLY_JSON.set(customer, payload);
  }
  return payload;
}

/** The same JSON for the answer to a write (a record no read has seen yet), not kept. */
export function writtenReplyJson(customer: Customer): ReplyJson {
  const text = JSON.stringify({ customer });
  return { text, bytes: Buffer.byteLength(text) };
}
