/**
 * The nonces a Hawk server has accepted, kept while their timestamp is inside the accepted
 * window: a request sent again verbatim (same key id, ts and nonce) within that window is a
 * replay; after it, the timestamp check refuses it anyway, so the entry can go. Memory is
 * bounded: past `capacity` entries the oldest is dropped first (a replay of it then succeeds,
 * which only a client sending more than `capacity` requests per window could arrange).
 */
export class HawkNonceCache {
  /** Key id, ts and nonce, to the unix second after which the entry is no longer needed. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly windowSec: number,
    private readonly capacity = 100_000,
  ) {}

  /** Records the nonce and says whether it was fresh (false: a replay). */
  use(id: string, ts: number, nonce: string, nowSec: number): boolean {
    this.forgetExpired(nowSec);
    const key = `${id}\n${ts}\n${nonce}`;
    if (this.seen.has(key)) return false;
    if (this.seen.size >= this.capacity) this.seen.delete(this.seen.keys().next().value!);
    this.seen.set(key, ts + this.windowSec);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  /**
   * Entries are in arrival order, which follows their expiry within the window's width; dropping
   * from the front until one is still needed keeps this O(1) per request, at the cost of an
   * expired entry staying a little longer behind a later-expiring one.
   */
  private forgetExpired(nowSec: number): void {
    for (const [key, expires] of this.seen) {
      if (expires >= nowSec) return;
      this.seen.delete(key);
    }
  }
}
