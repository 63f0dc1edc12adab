/** A mistake in how conform was called or configured: exit 2, with a message that says what to fix. */
export class UsageError extends Error {
  override name = 'UsageError';
}
