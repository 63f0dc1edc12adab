import { parseArgs } from 'node:util';
import { isVendor, loadVendorSpec, VENDORS, type Rule, type Vendor } from '../openapi/index.ts';
import { UsageError } from './usage-error.ts';

export const RULES_HELP = `conform rules [--vendor trustist|trustly|all] [--json]

List the rule catalogue: every documented behaviour the suite checks, with its stable id,
level (MUST, SHOULD, observed), title and the documentation it rests on.

  --vendor V   only this vendor's rules (default: all)
  --json       print the catalogue as JSON instead of a table`;

export async function rulesCommand(args: string[], out: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { vendor: { type: 'string', default: 'all' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    out(RULES_HELP);
    return 0;
  }
  const vendors = selectVendors(values.vendor);
  const rules: Rule[] = [];
  for (const vendor of vendors) rules.push(...(await loadVendorSpec(vendor)).rules);
  if (values.json) {
    out(JSON.stringify(rules, null, 2));
    return 0;
  }
  const idWidth = Math.max(...rules.map((r) => r.id.length));
  for (const rule of rules) {
    out(`${rule.id.padEnd(idWidth)}  ${rule.level.padEnd(8)}  ${rule.title}  [${rule.source.documents.join(' + ')}]`);
  }
  out(`${rules.length} rules`);
  return 0;
}

export function selectVendors(value: string | undefined): Vendor[] {
  if (value === undefined || value === 'all') return [...VENDORS];
  if (isVendor(value)) return [value];
  throw new UsageError(`unknown vendor "${value}": use one of ${VENDORS.join(', ')}, all`);
}
