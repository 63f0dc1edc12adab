import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadVendorSpec } from './vendor-spec.ts';
import { isVendor, specPath, VENDORS } from './vendors.ts';

describe('VENDORS', () => {
  it('lists, alphabetically, every folder of specs/ that holds a customers spec, each naming itself in its x-conform', async () => {
    const specs = new URL('../../specs/', import.meta.url);
    const folders = (await readdir(specs, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
    expect([...VENDORS]).toEqual(folders.filter((name) => existsSync(specPath(name))).sort());
    expect([...VENDORS]).toEqual(['trustist', 'trustly']);
    for (const vendor of VENDORS) expect((await loadVendorSpec(vendor)).conform.vendor).toBe(vendor);
  });

  it('is what isVendor accepts', () => {
    for (const vendor of VENDORS) expect(isVendor(vendor)).toBe(true);
    for (const other of ['acme', 'Trustist', '', 'redocly.yaml']) expect(isVendor(other), other).toBe(false);
  });
});
