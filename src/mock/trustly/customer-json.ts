import type { StoredCustomer } from './customer-store.ts';

// The answers that carry stored records, spelled from the records' JSON text (customer-store.ts
// keeps each record's answer as the text JSON.stringify wrote): no record is parsed or serialised
// again to answer, and the bytes are what serialising `{ customer }` or `{ customers }` would give.

export interface ReplyJson {
  text: string;
  /** Its length in UTF-8 bytes: the Content-Length. */
  bytes: number;
}

const CUSTOMERS_OPEN = '{"customers":[';

/** `JSON.stringify({ customer })` of a stored record. */
export function customerReplyJson(stored: StoredCustomer): ReplyJson {
  return { text: stored.reply, bytes: stored.replyBytes };
}

/** `JSON.stringify({ customers })` of stored records, in the order given. */
export function customerListJson(found: readonly StoredCustomer[]): ReplyJson {
  let bytes = CUSTOMERS_OPEN.length + 2 + Math.max(0, found.length - 1);
  for (const stored of found) bytes += stored.bytes;
  return { text: `${CUSTOMERS_OPEN}${found.map((stored) => stored.json).join(',')}]}`, bytes };
}
