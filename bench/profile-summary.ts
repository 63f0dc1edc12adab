import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

// Reads one V8 .cpuprofile (node --cpu-prof writes one per thread; the main thread's is the
// larger) and prints where the time went: self time by function and by file, and inclusive
// time of the project's functions; with a function name, the call paths that lead to it. Usage:
//   node --import tsx bench/profile-summary.ts <file.cpuprofile> [top] [function name]

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topText, focus] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
const top = Number(topText ?? 25);
if (!Number.isInteger(top)) throw new Error(`top must be a whole number, not ${topText}`);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

const where = (n: ProfileNode): string => {
  const url = n.callFrame.url.replace(/^file:\/\//, '');
  return url ? `${relative(process.cwd(), url)}:${n.callFrame.lineNumber + 1}` : '(native)';
};
const label = (n: ProfileNode): string => `${n.callFrame.functionName || '(anonymous)'} ${where(n)}`;

const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
const selfByFunction = new Map<string, number>();
const selfByFile = new Map<string, number>();
for (const [id, us] of selfUs) {
  const node = byId.get(id)!;
  add(selfByFunction, label(node), us);
  add(selfByFile, where(node).replace(/:\d+$/, '').replace(/node_modules\/((?:@[^/]+\/)?[^/]+)\/.*/, 'node_modules/$1'), us);
}

// Inclusive time: each sample counts once for every distinct function on its stack.
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map<string, number>();
profile.samples.forEach((id, i) => {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const key = label(byId.get(at)!);
    if (!seen.has(key)) {
      seen.add(key);
      add(inclusive, key, profile.timeDeltas[i] ?? 0);
    }
  }
});

const print = (title: string, map: Map<string, number>, filter: (k: string) => boolean = () => true) => {
  console.log(`\n${title}`);
  for (const [key, us] of [...map].filter(([k]) => filter(k)).sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`);
  }
};
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
print('self time by file', selfByFile);
print('self time by function', selfByFunction);
print('inclusive time, project code', inclusive, (k) => / (src|suites|bench)\//.test(k));

if (focus) {
  // The call paths (four frames up) that spend time in `focus` itself or below it.
  const paths = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const stack: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!);
    const index = stack.findIndex((n) => n.callFrame.functionName === focus);
    if (index < 0) return;
    add(paths, stack.slice(index, index + 5).map(label).join(' <- '), profile.timeDeltas[i] ?? 0);
  });
  print(`call paths into ${focus}`, paths);
}
