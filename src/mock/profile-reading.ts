/**
 * What one rule's observation says the target chose, as the mock can act on it: a setting to
 * adopt, the mock's own reading already, or a reading the mock cannot show.
 */
export type Reading =
  | { adopt: ProfileSetting; reading: string }
  | { keep: string }
  | { cannot: string; why: string };

/** A mock start option a profile may set: a doc-correct variant, the list page size, a lenient Hawk payload hash. */
export type ProfileSetting = { variant: string } | { pageSize: number } | { hawkLenient: true };

/** Reads the observation one rule records (its drift left out) into readings. */
export type ObservationReader = (observation: Record<string, unknown>) => Reading[];

export const adopt = (setting: ProfileSetting, reading: string): Reading => ({ adopt: setting, reading });
export const keep = (reading: string): Reading => ({ keep: reading });
export const cannot = (reading: string, why: string): Reading => ({ cannot: reading, why });

/** A value as it reads in a message: strings bare, anything else as JSON. */
export function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Whether `value` is exactly this one reading: equal JSON (observations are plain data, key order as recorded). */
export function same(value: unknown, expected: unknown): boolean {
  return JSON.stringify(value) === JSON.stringify(expected);
}

/**
 * The reading of an observed value among known ones: the mock's own (kept), a variant's (adopted),
 * anything else a reading it cannot show.
 */
export function choose(what: string, value: unknown, own: unknown, variants: [value: unknown, variant: string][], why: string): Reading {
  if (same(value, own)) return keep(`${what}: ${shown(value)}`);
  const match = variants.find(([v]) => same(value, v));
  if (match) return adopt({ variant: match[1] }, `${what}: ${shown(value)}`);
  return cannot(`${what}: ${shown(value)}`, why);
}
