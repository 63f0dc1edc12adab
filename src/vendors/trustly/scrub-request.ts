import { apiPath } from './client.ts';
import { MERCHANT_A_VARS, MERCHANT_B_VARS } from './credentials.ts';
import { OPTIONAL_FIELDS } from './model.ts';

/** Required fields cannot be cleared: neutral values that are nobody's (a fictional 555-01xx number, example.com). */
export const SCRUBBED_REQUIRED = { name: 'Scrubbed test customer', address: { country: 'US' }, phone: '+15555550100', email: 'scrubbed@example.com' } as const;

/**
 * What clears a Trustly customer the suite created of the personal data it put in: an update by
 * id with neutral placeholders for the required fields and `null` (removal) for every optional
 * one but externalId, which holds only the run's tag.
 */
export function trustlyScrub(baseUrl: string, id: string, owner: string): { method: 'POST'; path: string; json: Record<string, unknown>; idVar?: string; secretVar?: string } {
  const vars = owner === 'merchantA' ? MERCHANT_A_VARS : owner === 'merchantB' ? MERCHANT_B_VARS : undefined;
  const cleared = Object.fromEntries(OPTIONAL_FIELDS.filter((f) => f !== 'externalId').map((f) => [f, null]));
  return {
    method: 'POST',
    path: apiPath(baseUrl, `/customers/${encodeURIComponent(id)}`),
    json: { ...SCRUBBED_REQUIRED, ...cleared },
    ...(vars ? { idVar: vars[0], secretVar: vars[1] } : {}),
  };
}
