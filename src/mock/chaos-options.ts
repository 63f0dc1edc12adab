/**
 * What a mock does to the requests it gets besides answering them, for testing a client against
 * a slow, rate-limited or failing vendor. Every decision comes from `seed`: the same seed and the
 * same sequence of requests give the same delays, refusals and resets.
 */
export interface ChaosOptions {
  /** Milliseconds before each answer: a fixed delay, or uniform in [min, max] (whole ms). */
  latencyMs?: number | { min: number; max: number };
  /**
   * Requests per second the mock serves (a token bucket holding one second's worth); one beyond
   * it is answered 429 with Retry-After in the vendor's error shape.
   */
  rateLimit?: number;
  /** Probability (0..1) of answering 503 with Retry-After instead of serving the request. */
  failRate?: number;
  /** Probability (0..1) of resetting the connection without any answer. */
  dropRate?: number;
  /** Seed of every random decision; absent: a random one, reported by the running mock. */
  seed?: number;
}

export const MAX_LATENCY_MS = 600_000;

/** The command-line form of each option, for messages that say what to write instead. */
const FORMS = {
  latency: '--latency MS or --latency MIN..MAX (whole milliseconds, 0 to 600000)',
  'rate-limit': '--rate-limit N/s or --rate-limit N (requests per second, more than 0)',
  'fail-rate': '--fail-rate P (a probability from 0 to 1, e.g. 0.1)',
  'drop-rate': '--drop-rate P (a probability from 0 to 1, e.g. 0.05)',
  'chaos-seed': '--chaos-seed N (a whole number from 0 to 4294967295)',
} as const;

export type ChaosFlag = keyof typeof FORMS;

/** A chaos option given in a form the mock cannot take. */
export class ChaosOptionError extends Error {
  constructor(flag: ChaosFlag, given: string) {
    super(`--${flag} cannot take ${JSON.stringify(given)}; write ${FORMS[flag]}`);
  }
}

/** The chaos options of `conform mock`, as typed; undefined when none is given. */
export function parseChaosFlags(flags: Partial<Record<ChaosFlag, string>>): ChaosOptions | undefined {
  const options: ChaosOptions = {};
  if (flags.latency !== undefined) options.latencyMs = parseLatency(flags.latency);
  if (flags['rate-limit'] !== undefined) options.rateLimit = parseRate(flags['rate-limit']);
  if (flags['fail-rate'] !== undefined) options.failRate = parseProbability('fail-rate', flags['fail-rate']);
  if (flags['drop-rate'] !== undefined) options.dropRate = parseProbability('drop-rate', flags['drop-rate']);
  if (flags['chaos-seed'] !== undefined) {
    const seed = /^\d+$/.test(flags['chaos-seed'].trim()) ? Number(flags['chaos-seed']) : Number.NaN;
    if (!isSeed(seed)) throw new ChaosOptionError('chaos-seed', flags['chaos-seed']);
    options.seed = seed;
  }
  if (Object.keys(options).length === 0) return undefined;
  if (options.seed !== undefined && Object.keys(options).length === 1) {
    throw new Error('--chaos-seed seeds the chaos options, and none is given; add --latency, --rate-limit, --fail-rate or --drop-rate, or leave it out');
  }
  return options;
}

function parseLatency(text: string): ChaosOptions['latencyMs'] {
  const match = /^\s*(\d+)\s*(?:\.\.\s*(\d+)\s*)?$/.exec(text);
  if (!match) throw new ChaosOptionError('latency', text);
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : Number(match[2]);
  if (max > MAX_LATENCY_MS || min > max) throw new ChaosOptionError('latency', text);
  return match[2] === undefined ? min : { min, max };
}

function parseRate(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*s)?\s*$/.exec(text);
  const rate = match ? Number(match[1]) : Number.NaN;
  if (!(rate > 0) || !Number.isFinite(rate)) throw new ChaosOptionError('rate-limit', text);
  return rate;
}

function parseProbability(flag: 'fail-rate' | 'drop-rate', text: string): number {
  const value = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= 0 && value <= 1)) throw new ChaosOptionError(flag, text);
  return value;
}

function isSeed(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= 0xffff_ffff;
}

/**
 * The same checks for options given in code (startMock), where a wrong value is a programming
 * error: an Error naming the option and what it takes.
 */
export function checkChaosOptions(options: ChaosOptions): void {
  const fail = (name: string, expected: string, value: unknown) => {
    throw new TypeError(`chaos.${name} must be ${expected}, not ${JSON.stringify(value)}`);
  };
  const { latencyMs, rateLimit, failRate, dropRate, seed } = options;
  const isMs = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_LATENCY_MS;
  if (latencyMs !== undefined) {
    const ok = typeof latencyMs === 'number' ? isMs(latencyMs) : isMs(latencyMs?.min) && isMs(latencyMs?.max) && latencyMs.min <= latencyMs.max;
    if (!ok) fail('latencyMs', `whole milliseconds from 0 to ${MAX_LATENCY_MS}, or { min, max } of those with min <= max`, latencyMs);
  }
  if (rateLimit !== undefined && !(typeof rateLimit === 'number' && rateLimit > 0 && Number.isFinite(rateLimit))) fail('rateLimit', 'requests per second, more than 0', rateLimit);
  for (const [name, p] of [['failRate', failRate], ['dropRate', dropRate]] as const) {
    if (p !== undefined && !(typeof p === 'number' && p >= 0 && p <= 1)) fail(name, 'a probability from 0 to 1', p);
  }
  if (seed !== undefined && !isSeed(seed)) fail('seed', 'a whole number from 0 to 4294967295', seed);
}

/** One line saying what the chaos layer does, for the mock's start-up output. */
export function describeChaos(options: ChaosOptions, seed: number): string {
  const parts: string[] = [];
  const { latencyMs } = options;
  if (latencyMs !== undefined) parts.push(`latency ${typeof latencyMs === 'number' ? latencyMs : `${latencyMs.min}..${latencyMs.max}`} ms before each answer`);
  if (options.rateLimit !== undefined) parts.push(`rate limit ${options.rateLimit}/s (429 with Retry-After beyond it)`);
  if (options.failRate !== undefined) parts.push(`fail rate ${options.failRate} (503 with Retry-After)`);
  if (options.dropRate !== undefined) parts.push(`drop rate ${options.dropRate} (connection reset, no answer)`);
  return `chaos (--chaos-seed ${seed}): ${parts.join('; ')}`;
}
