import { readFileSync } from 'node:fs';
import { UsageError } from './usage-error.ts';

// The help text lives in a plain file so that bin.mjs can print it without loading tsx.
const HELP = readFileSync(new URL('./help.txt', import.meta.url), 'utf8').trimEnd();

type Command = (args: string[], out: (line: string) => void, err: (line: string) => void) => Promise<number>;

// Each command is imported only when it is the one asked for: `run` pulls in vitest, `pact` the
// Pact native library, and `rules` the spec loader, which together take seconds to load.
const COMMANDS: Record<string, () => Promise<Command>> = {
  rules: async () => (await import('./rules-command.ts')).rulesCommand,
  mock: async () => (await import('./mock-command.ts')).mockCommand,
  run: async () => (await import('./run-command.ts')).runCommand,
  diff: async () => (await import('./diff-command.ts')).diffCommand,
  report: async () => (await import('./report-command.ts')).reportCommand,
  pact: async () => (await import('./pact-command.ts')).pactCommand,
  cleanup: async () => (await import('./cleanup-command.ts')).cleanupCommand,
};


export async function main(argv: string[], out = (line: string) => console.log(line), err = (line: string) => console.error(line)): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    out(HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    out(version());
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (!load) {
      throw new UsageError(`unknown command "${name}"; run "conform --help" for the list`);
    }
    const command = await load();
    return await command(args, out, err);
  } catch (error) {
    if (error instanceof UsageError || (await isSpecError(error)) || isParseArgsError(error)) {
      err(`conform: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}

/** A SpecError can only have been thrown once the spec loader is loaded, so importing it here costs nothing. */
async function isSpecError(error: unknown): Promise<boolean> {
  const { SpecError } = await import('../openapi/load-spec.ts');
  return error instanceof SpecError;
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
