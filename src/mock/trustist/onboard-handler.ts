import { randomUUID } from 'node:crypto';
import { PERSON_FIELDS } from './customer-fields.ts';
import type { OnboardSession } from './customer-store.ts';
import type { HandlerContext, Reply } from './handler-context.ts';
import { isoTime, isPlainObject } from './handler-context.ts';
import { invalidRequest, notFound, TrustistProblem } from './trustist-problem.ts';
import { assertValidBody } from './validate-body.ts';

/**
 * POST /v1/onboard/sessions. Identity checks and AML screening need the customer's firstName,
 * lastName and emailAddress (the seed's KYC requirement); a session with AIS options only does
 * not. The refusal's status is undocumented: the mock uses 400, the seed table's "invalid
 * request", with the documented code `missing_person_data` and the fields that are missing.
 */
export function createOnboardSession(ctx: HandlerContext): Reply {
  const { store, fault } = ctx;
  const body = ctx.body;
  assertValidBody(ctx, 'createOnboardSession', body);
  const customerId = body.customerId as string;
  const customer = store.find(customerId);
  if (!customer && fault === 'onboard-unknown-customer-400') throw invalidRequest(`the customer id ${JSON.stringify(customerId)} is not valid`);
  if (!customer || (customer.tenantId !== ctx.tenantId && fault !== 'onboard-cross-tenant')) throw notFound(`no customer with id ${JSON.stringify(customerId)}`);

  const options = isPlainObject(body.options) ? body.options : {};
  const identity = isPlainObject(options.identity) ? options.identity : {};
  const needsPerson =
    identity.identityCheck === true || (identity.amlExtensiveScreening === true && fault !== 'kyc-ignores-aml-screening') || fault === 'kyc-ais-only-requires-person-data';
  const checked = fault === 'kyc-checks-email-only' ? (['emailAddress'] as const) : PERSON_FIELDS;
  // Populated means a non-empty string: absent, null and "" all leave the check unmet.
  const missing: string[] = checked.filter((f) => (fault === 'kyc-empty-string-accepted' ? customer[f] === undefined : !customer[f]));
  const refusedBefore = fault === 'kyc-refusal-sticky' ? store.kycRefusals.get(customer.id) : undefined;
  if (needsPerson && (missing.length > 0 || refusedBefore)) {
    const reported = missing.length > 0 ? missing : refusedBefore!;
    if (fault === 'kyc-refusal-sticky') store.kycRefusals.set(customer.id, reported);
    throw new TrustistProblem(
      ctx.variants.has('missing-person-data-422') ? 422 : 400,
      'missing_person_data',
      `identity and AML checks need the customer's firstName, lastName and emailAddress; missing: ${reported.join(', ')}`,
      {},
      { missingFields: reported },
    );
  }

  if (fault === 'onboard-duplicate-session-refused') {
    const same = [...store.sessions.values()].some((s) => s.customerId === customerId && JSON.stringify(s.options) === JSON.stringify(body.options) && s.returnUrl === body.returnUrl);
    if (same) throw new TrustistProblem(409, 'session_exists', 'this customer already has an onboard session with these options');
  }
  const session: OnboardSession = { id: randomUUID(), tenantId: ctx.tenantId, customerId, status: 'created', created: isoTime(ctx.now()) };
  if (body.options !== undefined) session.options = structuredClone(body.options);
  if (typeof body.orgId === 'string') session.orgId = body.orgId;
  if (typeof body.returnUrl === 'string') session.returnUrl = body.returnUrl;
  store.sessions.set(session.id, session);
  // A URL under the mock's own host: nothing real to open, and nobody sent to the vendor's site.
  const onboardUrl = `${ctx.baseUrl}/onboard/s/${session.id}`;
  return { status: 201, body: { id: session.id, customerId, onboardUrl, status: session.status } };
}
