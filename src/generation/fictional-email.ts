import fc from 'fast-check';

/**
 * E-mail addresses on reserved domains (RFC 2606 `.test`): fast-check's local parts and domain
 * labels, so the variety of real addresses stays, but no mail can reach anyone. The suite writes
 * into shared sandboxes that cannot delete, so nothing it leaves may name a real mailbox.
 */
export function fictionalEmail(): fc.Arbitrary<string> {
  return fc.emailAddress().map((address) => {
    const at = address.lastIndexOf('@');
    const domain = address.slice(at + 1);
    // Keeps the whole address within the 254 characters of RFC 5321.
    return `${address.slice(0, at)}@${domain.length > 240 ? 'example' : domain}.test`;
  });
}
