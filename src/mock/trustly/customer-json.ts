import type { Customer } from './customer-store.ts';

// A stored record is never changed in place: every write assembles a new one (customer-writes.ts).
// So the JSON of `{ customer }` can be kept per record and sent again by every GET of it, instead
// of serialising the same record on each read; a replaced record's entry goes with it.

const REPLY_JSON = new WeakMap<Customer, Buffer>();

/** The bytes of `JSON.stringify({ customer })`, serialised once per stored record. */
export function customerReplyJson(customer: Customer): Buffer {
  let payload = REPLY_JSON.get(customer);
  if (!payload) {
    payload = Buffer.from(JSON.stringify({ customer }));
    REPLY_JSON.set(customer, payload);
  }
  return payload;
}
