import type { KeyCredentials } from '../../auth/signer.ts';
import { OperationClient, type Reply as OperationReply } from '../../kinds/operation-client.ts';
import { roleOfKey } from '../../openapi/x-conform.ts';
import type { CheckContext } from '../../runner/check-context.ts';
import type { Customer } from './model.ts';

/** An answer with its JSON body typed as what the operation returns. */
export type Reply<T = unknown> = OperationReply & { body: T };

const typed = <T>(reply: OperationReply): Reply<T> => ({ ...reply, body: reply.json as T });

/**
 * Trustist's customer operations by name, for checks written against them: each is
 * OperationClient's (signed with the key's role, every answer validated against the spec, every
 * list read to its end), with the body typed as a customer.
 */
export class TrustistClient {
  private readonly client: OperationClient;

  constructor(ctx: CheckContext, credentials: KeyCredentials) {
    this.client = new OperationClient(ctx, roleOfKey(ctx.spec.conform, ctx.config.env, credentials.id), credentials);
  }

  /** `reused`: the answer's id is one an earlier create of the same rule was given (see create.duplicates-allowed). */
  async createCustomer(body: unknown): Promise<Reply<Customer> & { reused: boolean }> {
    const reply = await this.client.create(body);
    return { ...typed<Customer>(reply), reused: reply.reused ?? false };
  }

  async getCustomer(id: string): Promise<Reply<Customer>> {
    return typed(await this.client.get(id));
  }

  async updateCustomer(id: string, body: unknown): Promise<Reply<Customer>> {
    return typed(await this.client.update(id, body));
  }

  /** The customers of every page, by orgId when given. */
  async listCustomers(orgId?: string): Promise<Reply & { customers: Customer[] }> {
    const reply = orgId === undefined ? await this.client.call(this.client.conform.operations.list) : await this.client.listByTag(orgId);
    return { ...typed(reply), customers: (reply.records ?? []) as Customer[] };
  }
}
