import { customerPath } from './client.ts';
import { KEY_ROLES, type KeyRole } from './credentials.ts';

/**
 * What clears a Trustist customer the suite created of the personal data it put in: an update
 * with `null` for every optional personal field (the docs' way to clear one). The orgId stays:
 * it holds only the run's tag, which is how the record is still known as test data.
 */
export function trustistScrub(id: string, owner: string): { method: 'PUT'; path: string; json: Record<string, null>; idVar?: string; secretVar?: string } {
  const role = KEY_ROLES[owner as KeyRole] as { idVar: string; secretVar: string } | undefined;
  return {
    method: 'PUT',
    path: customerPath(id),
    json: { firstName: null, lastName: null, emailAddress: null, dateOfBirth: null, address: null },
    ...(role ? { idVar: role.idVar, secretVar: role.secretVar } : {}),
  };
}
