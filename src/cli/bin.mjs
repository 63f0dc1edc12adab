#!/usr/bin/env node
// The `conform` executable. The project ships TypeScript sources and runs them through tsx's
// loader, so there is no build step whose output could drift from the sources.
// `--version` and the top-level help are answered here, before tsx is loaded: registering tsx
// alone costs about half a second, and neither answer needs any TypeScript.
import { readFileSync } from 'node:fs';

// A reader that stops early (`conform rules | head`) closes the pipe: that is the reader's
// choice, not an error, so the command ends quietly instead of crashing with EPIPE.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const argv = process.argv.slice(2);
const [name] = argv;
if (argv.length <= 1 && (name === '--version' || name === '-v')) {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  console.log(pkg.version);
} else if (argv.length <= 1 && (name === undefined || name === 'help' || name === '--help' || name === '-h')) {
  console.log(readFileSync(new URL('./help.txt', import.meta.url), 'utf8').trimEnd());
  process.exitCode = name === undefined ? 2 : 0;
} else {
  // A run, and `conform rules`, load the CLI compiled (compiled-cli.mjs): no tsx hooks thread to
  // start, nor for vitest, vite and the config to pass through. Only a signer module of the
  // user's own (--auth PATH), which may be TypeScript, needs tsx in this process.
  const compiled = (name === 'run' && !ownSignerModule(argv)) || name === 'rules';
  let main = compiled ? await (await import('./compiled-cli.mjs')).compiledMain() : undefined;
  if (!main) {
    // Node modules imported once tsx is registered pass through its hooks thread, one round trip
    // per module and a transform check per file: vitest (vite, rolldown) took several times as
    // much CPU to import that way as without. A run imports it here first; the TypeScript that
    // imports it later gets the same, already loaded module.
    if (name === 'run') await import('vitest/node');
    const { register } = await import('tsx/esm/api');
    register();
    ({ main } = await import('./main.ts'));
  }
  process.exitCode = await main(argv);
}

/** Whether --auth names a module rather than one of the built-in schemes. */
function ownSignerModule(args) {
  return args.some((arg, i) => {
    const value = arg === '--auth' ? args[i + 1] : arg.startsWith('--auth=') ? arg.slice('--auth='.length) : undefined;
    return value !== undefined && value !== 'hawk' && value !== 'hmac-sha256';
  });
}
