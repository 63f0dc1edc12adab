import { randomBytes } from 'node:crypto';

// The seed's ids look like `3kTp9j2mN5xR`: 12 base62 characters. 62^12 ≈ 3.2e21 values, so a
// collision is practically impossible; the caller still retries on one, because an id that
// silently overwrote another customer would be the worst bug a store can have.

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const CUSTOMER_ID_LENGTH = 12;

/** A random 12-character base62 id, unbiased (bytes of 248 and above are redrawn, 248 = 4 * 62). */
export function randomCustomerId(): string {
  let id = '';
  while (id.length < CUSTOMER_ID_LENGTH) {
    const byte = randomByte();
    if (byte < 248) id += BASE62[byte % 62];
  }
  return id;
}

// Random bytes are drawn in bulk: randomBytes(16) for every id was a getrandom system call per
// create, ~5% of a create under load (bench/).
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let next = 0;

function randomByte(): number {
  if (next >= pool.length) {
    pool = randomBytes(POOL_BYTES);
    next = 0;
  }
  return pool[next++]!;
}

/** An id unused by `taken`. */
export function uniqueCustomerId(taken: (id: string) => boolean): string {
  let id = randomCustomerId();
  while (taken(id)) id = randomCustomerId();
  return id;
}

/** The ids-collide fault's id space: 32 ids of the same shape, so a collision soon follows. */
export function collidingCustomerId(): string {
  return `Collide${String(randomBytes(1)[0]! % 32).padStart(5, '0')}`;
}
