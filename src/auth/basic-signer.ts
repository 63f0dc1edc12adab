import type { Signer } from './signer.ts';

/** HTTP Basic, as Trustly uses it: the access id as user name, the access key as password. */
export const basicSigner: Signer = (_request, credentials) => ({
  authorization: `Basic ${Buffer.from(`${credentials.id}:${credentials.secret}`, 'utf8').toString('base64')}`,
});
