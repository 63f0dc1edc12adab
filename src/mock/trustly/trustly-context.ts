import type { SpecValidators } from '../../openapi/index.ts';
import type { ReplyJson } from './customer-json.ts';
import type { CustomerStore } from './customer-store.ts';
import type { TrustlyFaultName } from './faults.ts';
import type { Merchant } from './merchant-credentials.ts';
import type { TrustlyVariantName } from './variants.ts';

/** What every handler of one running mock shares. */
export interface TrustlyContext {
  store: CustomerStore;
  merchants: [Merchant, Merchant];
  validators: SpecValidators;
  fault: TrustlyFaultName | undefined;
  /** The doc-correct variants in force (src/mock/trustly/variants.ts). */
  variants: ReadonlySet<TrustlyVariantName>;
  /** Milliseconds since the epoch (MockOptions.clock). */
  clock: () => number;
  /** The statuses each operation documents: a problem with any other status becomes 400. */
  documented: Map<string, ReadonlySet<number>>;
  /** Only the list-stale-after-update fault fills it. */
  listCache: Map<string, ReplyJson>;
  /** The served path prefix ('' for none): requests outside it get 404. */
  basePath?: string;
}
