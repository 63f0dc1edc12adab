import { fileURLToPath } from 'node:url';

/** The vendors this project ships specs for. The order is the order of every listing. */
export const VENDORS = ['trustist', 'trustly'] as const;
export type Vendor = (typeof VENDORS)[number];

export function isVendor(value: string): value is Vendor {
  return (VENDORS as readonly string[]).includes(value);
}

/** Absolute path of a vendor's OpenAPI file; specs live beside the package, never in the user's cwd. */
export function specPath(vendor: string): string {
  return fileURLToPath(new URL(`../../specs/${vendor}/customers.openapi.yaml`, import.meta.url));
}
