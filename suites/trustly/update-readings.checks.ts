import { isDeepStrictEqual } from 'node:util';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { exampleBody } from '../../src/vendors/trustly/arbitraries.ts';
import { clientOf, type Customer } from '../../src/vendors/trustly/client.ts';
import { expectStatus } from '../../src/kinds/judge.ts';
import { customerOf } from '../../src/vendors/trustly/expect-reply.ts';
import type { Body } from '../../src/vendors/trustly/model.ts';

// Where the update page leaves the outcome open, these rules record what the target did. The
// behaviour does not depend on the values, so one fixed, obviously synthetic record each suffices.

/** The required fields as stored, so an update carries everything the docs require on every write. */
function requiredOf(customer: Customer): Body {
  return { name: customer.name, address: customer.address, phone: customer.phone, email: customer.email, externalId: customer.externalId };
}

/**
 * How a partial object sent in an update ended up: merged into the stored one, replacing it, or
 * neither. A property written as null is one without a value (a target may write every unset
 * property so), so nulls are left out before comparing.
 */
function reading(stored: unknown, part: Record<string, unknown>, shown: unknown): string {
  const before = withoutNulls(stored);
  const after = withoutNulls(shown);
  if (isDeepStrictEqual(after, part)) return 'replaced';
  if (typeof before === 'object' && before !== null && isDeepStrictEqual(after, { ...before, ...part })) return 'merged';
  return 'other';
}

function withoutNulls(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}

export const updateReadingsChecks = defineChecks('update-readings', {
  'trustly.customers.update.body-merchant-id': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'body-merchant-id');
    const created = customerOf(ctx, await client.createOrUpdate(exampleBody(ns.next())), 'creating the customer to update');
    // Another merchant's id that cannot be the caller's: the caller's with a digit added.
    const attempts = { own: created.merchantId, other: `${created.merchantId}1` };
    const observation: Record<string, unknown> = {};
    for (const [whose, merchantId] of Object.entries(attempts)) {
      const what = `POST /api/v1/customers/${created.customerId} with ${whose === 'own' ? 'its own' : 'another'} merchantId in the body`;
      const reply = await client.update(created.customerId, { ...exampleBody(String(created.externalId)), name: `Joe User ${whose}`, merchantId });
      expectStatus(ctx, reply, [200, 400, 404], what);
      observation[whose] = reply.status === 200 ? 'ignored (200)' : `refused (${reply.status})`;
    }
    ctx.observe(observation);
  },

  'trustly.customers.update.nested': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'nested');
    const whole: Body = {
      ...exampleBody(ns.next()),
      customData: { plan: 'conform-test', tier: 1 },
      driverLicense: { number: 'TEST1234', state: 'CA' },
    };
    const parts: Record<string, Record<string, unknown>> = {
      address: { country: 'US', city: 'Testville' },
      customData: { tier: 2 },
      driverLicense: { number: 'TEST5678' },
    };
    const observation: Record<string, string> = {};
    for (const [field, part] of Object.entries(parts)) {
      const created = customerOf(ctx, await client.createOrUpdate({ ...whole, externalId: ns.next() }), `creating the customer whose ${field} is updated`);
      const what = `POST /api/v1/customers/${created.customerId} with part of ${field}`;
      const reply = await client.update(created.customerId, { ...requiredOf(created), [field]: part });
      // A driverLicense lacks its state here, which trustly.customers.driver-license refuses.
      expectStatus(ctx, reply, [200, 400], what);
      if (reply.status !== 200) {
        observation[field] = `refused (${reply.status})`;
        continue;
      }
      const stored = customerOf(ctx, await client.get(created.customerId), `GET /api/v1/customers/${created.customerId} after the ${what}`);
      observation[field] = reading(created[field], part, stored[field]);
    }
    ctx.observe(observation);
  },
});
