import fc from 'fast-check';
import { CROSS, styledText, type TextStyle } from './styled-text.ts';
import { trickyText } from './tricky-text.ts';

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

/** Text typed only as a string that holds an e-mail address: addresses (on reserved domains only) and any text. */
export function emailText(): fc.Arbitrary<string> {
  return fc.oneof({ weight: 2, arbitrary: fictionalEmail() }, { weight: 1, arbitrary: trickyText() });
}

/** Addresses only, on reserved domains; in rich style some local parts are rich text under example.com. */
export function styledEmail(style: TextStyle): fc.Arbitrary<string> {
  if (style === 'plain') return fictionalEmail();
  const rich = styledText('rich', 1, 12).map((local) => `${local.replaceAll(' ', '.')}@example.com`);
  return fc.oneof(CROSS, { weight: 3, arbitrary: fictionalEmail() }, { weight: 1, arbitrary: rich });
}
