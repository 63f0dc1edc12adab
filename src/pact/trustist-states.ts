import type { OperationClient } from '../kinds/operation-client.ts';
import { freshTag, objectOf, pick, type StateHandler } from './provider-states.ts';

/** Trustist's provider states, and what each sets up; the tag goes in the customer's orgId. */
export const TRUSTIST_STATES = {
  'an organisation for new customers': 'returns { orgId }, a fresh tagged orgId; creates nothing',
  'a customer exists': 'creates a customer from the params (a create body); returns { id, orgId }',
  'a customer without person data exists': 'creates a customer without firstName, lastName and emailAddress; returns { id, orgId }',
  'customers exist in an organisation': 'creates params.count (default 2) customers in a fresh orgId; returns { orgId }',
} as const satisfies Record<string, string>;

const FIELDS = ['firstName', 'lastName', 'emailAddress', 'dateOfBirth', 'address'] as const;
const PERSON_FIELDS = new Set(['firstName', 'lastName', 'emailAddress']);

export function trustistStates(client: OperationClient, runId: string): Record<keyof typeof TRUSTIST_STATES, StateHandler> {
  const create = async (body: Record<string, unknown>) => {
    const reply = await client.create(body);
    if ((reply.status !== 200 && reply.status !== 201) || typeof reply.record?.id !== 'string') {
      throw new Error(`creating the customer got ${reply.status} ${reply.exchange.response?.body.slice(0, 200) ?? ''}`.trim());
    }
    return reply.record.id;
  };
  return {
    'an organisation for new customers': async (params) => ({ orgId: freshTag(runId, objectOf(params).orgId) }),
    'a customer exists': async (params) => {
      const fields = objectOf(params);
      const orgId = freshTag(runId, fields.orgId);
      return { id: await create({ ...pick(fields, FIELDS), orgId }), orgId };
    },
    'a customer without person data exists': async (params) => {
      const fields = objectOf(params);
      const orgId = freshTag(runId, fields.orgId);
      const body = Object.fromEntries(Object.entries(pick(fields, FIELDS)).filter(([key]) => !PERSON_FIELDS.has(key)));
      return { id: await create({ ...body, orgId }), orgId };
    },
    'customers exist in an organisation': async (params) => {
      const fields = objectOf(params);
      const orgId = freshTag(runId, fields.orgId);
      const count = typeof fields.count === 'number' && Number.isInteger(fields.count) ? Math.min(Math.max(fields.count, 1), 10) : 2;
      for (let i = 0; i < count; i++) await create({ ...pick(fields, FIELDS), orgId });
      return { orgId };
    },
  };
}
