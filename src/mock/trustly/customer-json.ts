import type { Customer } from './customer-store.ts';

// A stored record is never changed in place: every write assembles a new one (customer-writes.ts).
// So the JSON of `{ customer }` can be kept per record and sent again by every GET of it, instead
// of serialising the same record on each read; a replaced record's entry goes with it.

export interface ReplyJson {
  text: string;
  /** Its length in UTF-8 bytes: the Content-Length. */
  bytes: number;
}

const REPLY_JSON = new WeakMap<Customer, ReplyJson>();

/** `JSON.stringify({ customer })` and its length in bytes, serialised once per stored record. */
export function customerReplyJson(customer: Customer): ReplyJson {
  let payload = REPLY_JSON.get(customer);
  if (!payload) {
    const text = JSON.stringify({ customer });
    payload = { text, bytes: Buffer.byteLength(text) };
    REPLY_JSON.set(customer, payload);
  }
  return payload;
}
