import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Specs live beside the package, never in the user's cwd.
const SPECS = new URL('../../specs/', import.meta.url);
const SPEC_FILE = 'customers.openapi.yaml';

/**
 * The vendors the type system knows: each vendor's folder adds its name to this interface
 * (declaration merging, in src/mock/<vendor>/<vendor>-mock.ts), so adding a vendor edits no
 * shared file, and a `Record<Vendor, ...>` missing one is still a compile error.
 */
export interface VendorNames {}

/** A vendor's name: the folder of its spec (specs/<vendor>/), the first part of its rule ids, the --vendor value. */
export type Vendor = keyof VendorNames & string;

/**
 * The vendors this project ships specs for, alphabetical: the order of every listing. One
 * directory listing at start-up (no spec is read); `conform --version` and `--help` are answered
 * before this module loads (src/cli/bin.mjs).
 */
export const VENDORS = readdirSync(SPECS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(new URL(`${entry.name}/${SPEC_FILE}`, SPECS)))
  .map((entry) => entry.name)
  .sort() as readonly Vendor[];

export function isVendor(value: string): value is Vendor {
  return (VENDORS as readonly string[]).includes(value);
}

/** Absolute path of a vendor's OpenAPI file. */
export function specPath(vendor: string): string {
  return fileURLToPath(new URL(`${vendor}/${SPEC_FILE}`, SPECS));
}
