import { readFileSync } from 'node:fs';
import { SpecError } from '../spec/index.ts';
import { cleanupCommand } from './cleanup-command.ts';
import { diffCommand } from './diff-command.ts';
import { mockCommand } from './mock-command.ts';
import { pactCommand } from './pact-command.ts';
import { reportCommand } from './report-command.ts';
import { rulesCommand } from './rules-command.ts';
import { runCommand } from './run-command.ts';
import { UsageError } from './usage-error.ts';

const HELP = `conform: contract and conformance tests for vendors' customer APIs (Trustist, Trustly)

Usage: conform <command> [options]

Commands:
  rules    list the rule catalogue with its sources
  run      run the conformance suite against a target (default: the embedded mocks)
  mock     start a vendor's reference mock
  diff     compare two results.json files
  report   re-render or merge shard results
  pact     verify or check Pact contracts
  cleanup  scrub the personal data out of the records a live run created

Run "conform <command> --help" for a command's options.
Exit codes: 0 success, 1 a rule failed, 2 usage, configuration or connection error.`;

type Command = (args: string[], out: (line: string) => void, err: (line: string) => void) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  rules: rulesCommand,
  mock: mockCommand,
  run: runCommand,
  diff: diffCommand,
  report: reportCommand,
  pact: pactCommand,
  cleanup: cleanupCommand,
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
  const command = COMMANDS[name];
  try {
    if (!command) {
      throw new UsageError(`unknown command "${name}"; run "conform --help" for the list`);
    }
    return await command(args, out, err);
  } catch (error) {
    if (error instanceof UsageError || error instanceof SpecError || isParseArgsError(error)) {
      err(`conform: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
