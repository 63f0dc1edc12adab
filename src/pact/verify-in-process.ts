import './no-tracking.ts';
import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import type { KeyCredentials, Signer } from '../auth/signer.ts';
import { resolveSigner } from '../auth/resolve-signer.ts';
import { loadVendorSpec } from '../openapi/vendor-spec.ts';
import type { Vendor } from '../openapi/vendors.ts';
import { clientContext } from './client-context.ts';
import { pactProvider } from './pact-providers.ts';
import type { StateHandler } from './provider-states.ts';
import { readPact, type Pact } from './read-pact.ts';
import { signingFilter } from './signing-filter.ts';
import type { InteractionVerification, PactVerification } from './verification-report.ts';

/** Everything one verification needs; plain data, so it can cross to a child process. */
export interface VerifyRequest {
  vendor: Vendor;
  pactFiles: string[];
  /** The target's base URL (it may end in the spec's x-conform basePath, Trustly's /api/v1, or not). */
  target: string;
  /** Tenant A's Trustist key, or merchant A's Trustly access id and key. */
  credentials: KeyCredentials;
  /** For a vendor whose x-conform offers several auth schemes: one of them (default: its default). */
  auth?: string;
  /** Tags what the provider states create: `conform-<runId>`. */
  runId: string;
  timeoutMs?: number;
}

/**
 * Verifies each pact file against the target with Pact's Verifier, in this process: requests
 * signed by the request filter, provider states set up through the vendor's API. One Verifier
 * run per file, so every result belongs to exactly one pact.
 */
export async function verifyInProcess(request: VerifyRequest): Promise<PactVerification[]> {
  const signer = await resolveSigner(request.vendor, request.auth);
  const ctx = await clientContext(request.vendor, request.target, { signer, runId: request.runId, ...(request.timeoutMs ? { timeoutMs: request.timeoutMs } : {}) });
  const provider = pactProvider(request.vendor);
  const states = await provider.stateHandlers(ctx, request.credentials, request.runId);
  const { basePath } = (await loadVendorSpec(request.vendor)).conform;
  const results: PactVerification[] = [];
  for (const file of request.pactFiles) {
    const pact = await readPact(file);
    const before = ctx.created.length;
    const result = await verifyOne(pact, request, signer, states, Object.keys(provider.states), basePath);
    result.created = ctx.created.slice(before);
    results.push(result);
  }
  return results;
}

async function verifyOne(pact: Pact, request: VerifyRequest, signer: Signer, handlers: Record<string, StateHandler>, known: string[], basePath: string): Promise<PactVerification> {
  // pact-js answers a throwing state handler with 200 and only prints the error, so the
  // verifier goes on with an unset state. Each setup is logged, in order, to explain what follows.
  const setups: { state: string; error?: string }[] = [];
  const states = Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      async (params?: unknown) => {
        try {
          const values = await handler(params);
          setups.push({ state: name });
          return values;
        } catch (error) {
          setups.push({ state: name, error: (error as Error).message });
          throw error;
        }
      },
    ]),
  );
  const target = new URL(request.target);
  const base = providerBase(target, basePath);
  const options: VerifierOptions = {
    provider: pact.provider,
    providerBaseUrl: base.toString().replace(/\/$/, ''),
    pactUrls: [pact.file],
    logLevel: 'error',
    // The target must see its own Host header: Hawk and HMAC-SHA256 both sign the host.
    changeOrigin: true,
    requestFilter: signingFilter({ target: base, signer, credentials: request.credentials }) as VerifierOptions['requestFilter'],
    stateHandlers: states as VerifierOptions['stateHandlers'],
    timeout: request.timeoutMs ?? 30_000,
  };
  let json: string;
  try {
    json = await new Verifier(options).verifyProvider();
  } catch (error) {
    json = (error as Error).message;
  }
  const outcome = parseVerifierJson(json);
  const verification: PactVerification = { file: pact.file, consumer: pact.consumer, provider: pact.provider, vendor: request.vendor, interactions: [], created: [] };
  if (!outcome) {
    verification.error = `the Pact verifier could not run: ${json.slice(0, 500)}`;
  }
  const stateErrors = stateErrorsByInteraction(pact, setups, Object.keys(handlers));
  verification.interactions = pact.interactions.map((interaction, index): InteractionVerification => {
    const names = interaction.providerStates.map((s) => s.name);
    const base = { description: interaction.description, providerStates: names };
    if (!outcome) return { ...base, status: 'failed', message: verification.error! };
    const messages = outcome.failures.filter((f) => f.matches(interaction.description, names)).map((f) => f.message);
    const ran = outcome.results.find((r) => r.description === interaction.description);
    if (messages.length === 0 && ran?.ok) return { ...base, status: 'passed' };
    // An older core reports no per-interaction results: no error for the interaction is a pass.
    if (messages.length === 0 && outcome.results.length === 0) return { ...base, status: 'passed' };
    if (messages.length === 0 && ran === undefined) messages.push('the verifier did not run this interaction');
    const unknown = names.filter((n) => !known.includes(n));
    const notes = [
      ...stateErrors[index]!.map(({ state, error }) => `provider state "${state}" could not be set up: ${error}`),
      ...(unknown.length > 0 ? [`conform cannot set up the provider state ${unknown.map((n) => `"${n}"`).join(', ')} (it knows: ${known.map((n) => `"${n}"`).join(', ')})`] : []),
    ];
    return { ...base, status: 'failed', message: [...notes, messages.join('; ') || 'the verifier reported a failure without details'].join('; then ') };
  });
  return verification;
}

/**
 * The failed state setups of each interaction. The verifier runs the interactions in the pact's
 * order and sets up each one's states in turn (pact-js calls a handler once per setup, never on
 * teardown), so the log splits in that order; if it does not line up, failures are matched by
 * state name alone.
 */
function stateErrorsByInteraction(pact: Pact, setups: { state: string; error?: string }[], handled: string[]): { state: string; error: string }[][] {
  const failed = (entries: { state: string; error?: string }[]) => entries.filter((e): e is { state: string; error: string } => e.error !== undefined);
  const expected = pact.interactions.map((i) => i.providerStates.map((s) => s.name).filter((n) => handled.includes(n)));
  const lined = expected.flat();
  if (lined.length === setups.length && lined.every((state, i) => setups[i]!.state === state)) {
    let next = 0;
    return expected.map((states) => failed(setups.slice(next, (next += states.length))));
  }
  return expected.map((states) => failed(setups).filter((e) => states.includes(e.state)));
}

/**
 * A spec's paths carry its x-conform basePath (Trustly's /api/v1), and so do pacts: a base URL
 * written with it must not get it twice.
 */
export function providerBase(target: URL, basePath: string): URL {
  const base = new URL(target.toString());
  base.search = '';
  base.hash = '';
  let path = base.pathname.replace(/\/+$/, '');
  if (basePath !== '' && path.endsWith(basePath)) path = path.slice(0, -basePath.length);
  base.pathname = path === '' ? '/' : path;
  return base;
}

interface Failure {
  matches(description: string, states: string[]): boolean;
  message: string;
}

interface VerifierOutcome {
  results: { description: string; ok: boolean }[];
  failures: Failure[];
}

/** The verifier's JSON summary (pact_ffi's verifier JSON): which interactions failed, and why. */
export function parseVerifierJson(text: string): VerifierOutcome | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(json)) return undefined;
  const results = (Array.isArray(json.interactionResults) ? json.interactionResults : []).filter(isObject).map((r) => ({
    description: String(r.description ?? ''),
    ok: typeof r.result === 'string' && r.result.toUpperCase() === 'OK',
  }));
  const failures = (Array.isArray(json.errors) ? json.errors : []).filter(isObject).map((e): Failure => {
    const label = String(e.interaction ?? '');
    return {
      // The verifier labels a failure "Verifying a pact between C and P[ Given S1 And S2] - description".
      matches: (description, states) => label.endsWith(` - ${description}`) && states.every((s) => label.includes(s)),
      message: describeMismatch(e.mismatch),
    };
  });
  return { results, failures };
}

function describeMismatch(mismatch: unknown): string {
  if (!isObject(mismatch)) return String(mismatch ?? 'failed');
  if (Array.isArray(mismatch.mismatches)) {
    return mismatch.mismatches
      .filter(isObject)
      .map((m) => {
        const where = m.type === 'StatusMismatch' ? 'status' : m.type === 'HeaderMismatch' ? `header ${String(m.key ?? '')}` : m.type === 'BodyMismatch' ? `body ${String(m.path ?? '$')}` : String(m.type ?? '');
        return `${where}: ${String(m.mismatch ?? `expected ${JSON.stringify(m.expected)}, received ${JSON.stringify(m.actual)}`)}`.trim();
      })
      .join('; ');
  }
  if (typeof mismatch.message === 'string') return mismatch.message;
  return JSON.stringify(mismatch);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
