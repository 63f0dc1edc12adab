import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cameFromDiskCache, loadSpecFile } from './load-spec.ts';
import { decodeGraph, encodeGraph, encodeSpecCache, readSpecCache, specCacheDir, specCacheKey, writeSpecCache } from './spec-cache.ts';
import { loadVendorSpecFile } from './vendor-spec.ts';
import { specPath } from './vendors.ts';

describe('encodeGraph and decodeGraph', () => {
  it('give back equal values that share what the originals shared, cycles included', () => {
    const schema: Record<string, unknown> = { type: 'object', properties: { name: { type: 'string' } } };
    const list = [schema, 'x'];
    const cycle: Record<string, unknown> = { id: 1 };
    cycle.self = cycle;
    const roots = [{ a: schema, b: { c: schema, d: list, e: list }, cycle, n: null, f: 1.5, t: true }, { again: schema }];
    const [first, second] = decodeGraph(JSON.parse(JSON.stringify(encodeGraph(roots)))) as [Record<string, any>, Record<string, any>];
    expect(first.a).toEqual(schema);
    expect(first.b.c).toBe(first.a);
    expect(second.again).toBe(first.a);
    expect(first.b.d).toEqual(list);
    expect(first.b.e).toBe(first.b.d);
    expect(first.b.d[0]).toBe(first.a);
    expect(first.cycle.self).toBe(first.cycle);
    expect({ ...first, cycle: undefined }).toEqual({ ...roots[0], cycle: undefined });
    expect(first.a).not.toBe(schema);
  });

  it('keeps a "__proto__" key a key', () => {
    const [decoded] = decodeGraph(encodeGraph([JSON.parse('{"__proto__": {"x": 1}, "y": 2}')])!) as [Record<string, unknown>];
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.keys(decoded)).toEqual(['__proto__', 'y']);
  });

  it('refuses what JSON cannot carry', () => {
    expect(encodeGraph([{ at: new Date(0) }])).toBeUndefined();
    expect(encodeGraph([{ n: Number.NaN }])).toBeUndefined();
    expect(encodeGraph([{ u: undefined }])).toBeUndefined();
    expect(encodeGraph([{ '\u0000conform-shared': 0 }])).toBeUndefined();
    expect(encodeGraph([[1, { ok: 'yes' }]])).toBeDefined();
  });

  it('throws on a reference to no shared object', () => {
    expect(() => decodeGraph({ roots: [{ '\u0000conform-shared': 3 }], shared: [] })).toThrow(/points nowhere/);
  });
});

describe('the disk cache of specs', () => {
  let dir: string;
  let specs: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'conform-spec-cache-'));
    specs = await mkdtemp(join(tmpdir(), 'conform-spec-copy-'));
    vi.stubEnv('CONFORM_CACHE_DIR', dir);
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await rm(dir, { recursive: true, force: true });
    await rm(specs, { recursive: true, force: true });
  });

  /** A copy of a vendor's spec at a path of its own: the in-process cache is per path, the disk cache is not. */
  const copy = async (vendor: string, name: string, edit = (text: string) => text) => {
    const path = join(specs, name);
    await writeFile(path, edit(await readFile(specPath(vendor), 'utf8')));
    return path;
  };

  it.each(['trustist', 'trustly'])('gives a second process the %s spec as the first read it, $ref targets shared as before', async (vendor) => {
    const fresh = await loadVendorSpecFile(await copy(vendor, 'first.yaml'), vendor);
    expect(cameFromDiskCache(fresh.spec)).toBe(false);
    expect(await readdir(dir)).toHaveLength(1);
    const again = await loadVendorSpecFile(await copy(vendor, 'second.yaml'), vendor);
    expect(cameFromDiskCache(again.spec)).toBe(true);
    expect(again.spec.raw).toStrictEqual(fresh.spec.raw);
    expect(again.spec.document).toStrictEqual(fresh.spec.document);
    expect(again.rules).toStrictEqual(fresh.rules);
    expect(again.conform).toStrictEqual(fresh.conform);
    expect([...again.validators.operations.keys()]).toEqual([...fresh.validators.operations.keys()]);
    // The dereferenced document reuses one object per $ref target; so must the cached one.
    const sharing = (document: unknown) => {
      const seen = new Map<object, number>();
      const ids: number[] = [];
      const walk = (value: unknown) => {
        if (typeof value !== 'object' || value === null) return;
        const id = seen.get(value);
        ids.push(id ?? seen.size);
        if (id !== undefined) return;
        seen.set(value, seen.size);
        for (const child of Object.values(value)) walk(child);
      };
      walk(document);
      return ids;
    };
    expect(sharing(again.spec.document)).toEqual(sharing(fresh.spec.document));
    expect(new Set(sharing(fresh.spec.document)).size).toBeLessThan(sharing(fresh.spec.document).length);
  });

  it('keeps no entry for a spec whose x-conform fails, and still fails it the next time', async () => {
    const broken = (text: string) => text.replace('\nx-conform:\n  vendor: trustly\n', '\nx-conform:\n  vendor: trustly\n  colour: blue\n');
    const path = await copy('trustly', 'broken.yaml', broken);
    expect(await readFile(path, 'utf8')).toContain('colour: blue');
    await expect(loadVendorSpecFile(path, 'trustly')).rejects.toThrow(/unknown property "colour"/);
    expect(await readdir(dir)).toEqual([]);
    const again = await copy('trustly', 'broken-again.yaml', broken);
    await expect(loadVendorSpecFile(again, 'trustly')).rejects.toThrow(/unknown property "colour"/);
  });

  it('ignores an entry that is corrupt, truncated or filed under another key, and reads the spec again', async () => {
    const text = await readFile(specPath('trustly'), 'utf8');
    const key = specCacheKey(text);
    const spec = await loadSpecFile(specPath('trustly'));
    const entry = encodeSpecCache(key, spec)!;
    writeSpecCache(key, entry);
    expect(readSpecCache(key)?.raw).toStrictEqual(spec.raw);

    const file = join(dir, `spec-${key}.txt`);
    const flipped = entry.replace('"openapi":"3.1', '"openapi":"4.1');
    expect(flipped).not.toBe(entry);
    await writeFile(file, flipped);
    expect(readSpecCache(key)).toBeUndefined();
    await writeFile(file, entry.slice(0, entry.length - 10));
    expect(readSpecCache(key)).toBeUndefined();
    await writeFile(file, 'not json at all');
    expect(readSpecCache(key)).toBeUndefined();
    const otherKey = specCacheKey(`${text}\n# edited`);
    expect(otherKey).not.toBe(key);
    await writeFile(join(dir, `spec-${otherKey}.txt`), entry);
    expect(readSpecCache(otherKey)).toBeUndefined();

    // A corrupt entry is replaced by a good one once the spec has been read from its source again.
    await writeFile(file, flipped);
    const path = await copy('trustly', 'after-corruption.yaml');
    const loaded = await loadVendorSpecFile(path, 'trustly');
    expect(cameFromDiskCache(loaded.spec)).toBe(false);
    expect(loaded.spec.raw).toStrictEqual(spec.raw);
    expect(readSpecCache(key)?.raw).toStrictEqual(spec.raw);
  });

  it('is off with CONFORM_CACHE_DIR=off', async () => {
    vi.stubEnv('CONFORM_CACHE_DIR', 'off');
    expect(specCacheDir()).toBeUndefined();
    const path = await copy('trustly', 'uncached.yaml');
    expect(cameFromDiskCache((await loadVendorSpecFile(path, 'trustly')).spec)).toBe(false);
    expect(cameFromDiskCache((await loadVendorSpecFile(await copy('trustly', 'uncached-2.yaml'), 'trustly')).spec)).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });
});
