// Pact's native core sends an anonymous usage event unless PACT_DO_NOT_TRACK is set. conform
// runs offline against loopback mocks and customers' sandboxes, and `npm test` does not set the
// variable, so every module that drives Pact imports this first: the variable is in place
// before the native library is loaded or any mock server or verifier starts.
process.env.PACT_DO_NOT_TRACK = 'true';

export const PACT_DO_NOT_TRACK = true;
