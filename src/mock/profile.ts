import type { Vendor } from '../openapi/vendors.ts';
import { readResultsDocuments, ResultsReadError } from '../results/read-results.ts';
import type { ResultsDocument } from '../results/results.ts';
import type { MockOptions } from './mock-types.ts';
import { mockModule } from './mock-modules.ts';
import type { Reading } from './profile-reading.ts';
import { findVariants, variantsOf } from './variants.ts';

// A mock calibrated from a run: where the docs leave a behaviour open, the run against the real
// target recorded what it chose (observations in results.json); the mock then makes the same
// choices, so code written against the mock meets the vendor's readings, not ours. Only
// doc-correct readings are adopted, and only from rules that did not fail: a profile taken from
// a faulty target never teaches the mock the fault.

/** The rules whose observations a profile of the vendor reads. */
export function profileRules(vendor: Vendor): string[] {
  return Object.keys(mockModule(vendor).profileReaders);
}

/** The start options a profile sets. */
export type ProfileOptions = Pick<MockOptions, 'variants' | 'pageSize' | 'basePath' | 'hawkLenient'>;

/** One behaviour the mock takes from the profile, and the rule that recorded it. */
export interface Adoption {
  setting: string;
  /** The start option it sets, to tell whether an option given explicitly overrode it. */
  option: { variant: string } | { pageSize: number } | { basePath: string } | { hawkLenient: true };
  rule: string;
  reading: string;
}

export interface MockProfile {
  vendor: Vendor;
  options: ProfileOptions;
  adopted: Adoption[];
  /** What the profile records that the mock cannot (or, from a failed rule, will not) reproduce. */
  notReproduced: string[];
}

/** A profile path that is not a results.json, or holds none for the vendor: a configuration error. */
export class ProfileError extends Error {
  override name = 'ProfileError';
}

/** The vendor's results.json of a file or report directory, calibrated; a ProfileError says what is wrong with the path. */
export async function readProfile(path: string, vendor: Vendor): Promise<MockProfile> {
  let documents: ResultsDocument[];
  try {
    documents = await readResultsDocuments(path);
  } catch (error) {
    if (error instanceof ResultsReadError) throw new ProfileError(`--profile: ${error.message}; give the results.json (or report directory) of a conform run`);
    throw error;
  }
  const document = documents.find((d) => d.vendor === vendor);
  if (!document) throw new ProfileError(`--profile: ${path} holds results of ${documents.map((d) => d.vendor).join(', ')}, not of ${vendor}; give a run of ${vendor} (its ${vendor}/results.json)`);
  return calibrate(document);
}

/** The mock options that reproduce what a run observed, with what was adopted and what cannot be. */
export function calibrate(document: ResultsDocument): MockProfile {
  const readers = mockModule(document.vendor).profileReaders;
  const options: ProfileOptions = {};
  const variants: string[] = [];
  const adopted: Adoption[] = [];
  const notReproduced: string[] = [];
  let driftRules = 0;
  for (const rule of document.rules) {
    if (rule.observation === undefined) continue;
    const { drift, ...observation } = isRecord(rule.observation) ? rule.observation : { value: rule.observation };
    if (drift !== undefined) driftRules++;
    if (Object.keys(observation).length === 0) continue;
    if (rule.status !== 'passed' && rule.status !== 'observed') {
      notReproduced.push(`${rule.id}: its observation is not adopted, the rule ${rule.status === 'failed' ? 'failed' : `is ${rule.status}`} (only readings of rules that passed or were observed are)`);
      continue;
    }
    const reader = readers[rule.id];
    if (!reader) {
      notReproduced.push(`${rule.id}: ${JSON.stringify(observation)} (the mock does not read this rule's observation)`);
      continue;
    }
    for (const reading of reader(observation)) apply(reading, rule.id);
  }
  if (driftRules > 0) notReproduced.push(`drift recorded on ${driftRules} rule${driftRules === 1 ? '' : 's'}: the mock answers as the spec documents, departing from it only where an adopted reading does`);
  const basePath = basePathOf(document);
  if (basePath) {
    options.basePath = basePath;
    adopted.push({ setting: `base path ${basePath}`, option: { basePath }, rule: 'the run\'s target', reading: document.target });
  }
  if (variants.length > 0) options.variants = variants;
  return { vendor: document.vendor, options, adopted, notReproduced };

  function apply(reading: Reading, rule: string): void {
    if ('keep' in reading) return;
    if ('cannot' in reading) {
      notReproduced.push(`${rule}: ${reading.cannot} (${reading.why})`);
      return;
    }
    const setting = reading.adopt;
    if ('variant' in setting) {
      if (variants.includes(setting.variant)) return;
      try {
        findVariants(document.vendor, [...variants, setting.variant]);
      } catch (error) {
        notReproduced.push(`${rule}: ${reading.reading} (${(error as Error).message})`);
        return;
      }
      variants.push(setting.variant);
      adopted.push({ setting: setting.variant, option: setting, rule, reading: reading.reading });
    } else if ('pageSize' in setting) {
      options.pageSize = setting.pageSize;
      adopted.push({ setting: `page size ${setting.pageSize}`, option: setting, rule, reading: reading.reading });
    } else {
      options.hawkLenient = true;
      adopted.push({ setting: 'hawk-lenient', option: setting, rule, reading: reading.reading });
    }
  }
}

/** A live target served under a path prefix (a gateway's): the mock serves under the same one. */
function basePathOf(document: ResultsDocument): string | undefined {
  if (document.embedded) return undefined;
  let url: URL;
  try {
    url = new URL(document.target);
  } catch {
    return undefined;
  }
  const path = url.pathname.replace(/\/+$/, '');
  return path === '' ? undefined : path;
}

/**
 * The lines the mock prints at start: each adopted behaviour, then each it cannot reproduce.
 * Given the options the mock started with, an adoption they overrode (an option given explicitly
 * wins) is said to be left out.
 */
export function describeProfile(profile: MockProfile, source: string, started?: MockOptions): string[] {
  const lines = profile.adopted.map((a) =>
    !started || takes(started, a.option) ? `adopting ${a.setting} from ${a.rule}: ${a.reading}` : `not adopting ${a.setting} from ${a.rule} (${a.reading}): an option given explicitly takes its place`,
  );
  if (lines.length === 0) lines.push(`${profile.vendor} profile ${source}: nothing to adopt`);
  for (const note of profile.notReproduced) lines.push(`warning: not reproduced from ${source}: ${note}`);
  return lines;
}

function takes(options: MockOptions, option: Adoption['option']): boolean {
  if ('variant' in option) return options.variants?.includes(option.variant) ?? false;
  if ('pageSize' in option) return options.pageSize === option.pageSize;
  if ('basePath' in option) return options.basePath === option.basePath;
  return options.hawkLenient === true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Start options with a profile's settings added; what the caller set explicitly wins (a variant
 * of the same group, a page size, a base path). The lenient payload hash is a Hawk setting: it is
 * left out when the mock signs with hmac-sha256.
 */
export function withProfile(vendor: Vendor, options: MockOptions, profile: ProfileOptions | undefined): MockOptions {
  if (!profile) return options;
  const explicit = options.variants ?? [];
  const taken = new Set(variantsOf(vendor).filter((v) => explicit.includes(v.name)).map((v) => v.group));
  const added = (profile.variants ?? []).filter((name) => !explicit.includes(name) && !variantsOf(vendor).some((v) => v.name === name && taken.has(v.group)));
  const variants = [...explicit, ...added];
  return {
    ...options,
    ...(variants.length > 0 ? { variants } : {}),
    ...(options.pageSize === undefined && profile.pageSize !== undefined ? { pageSize: profile.pageSize } : {}),
    ...(options.basePath === undefined && profile.basePath !== undefined ? { basePath: profile.basePath } : {}),
    ...(!options.hawkLenient && profile.hawkLenient && options.auth !== 'hmac-sha256' ? { hawkLenient: true } : {}),
  };
}
