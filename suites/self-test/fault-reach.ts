import { Session } from 'node:inspector/promises';

// Which faults a stretch of code could have met: the names whose consulting spots in the mocks'
// code ran. The mocks consult a fault by name at the exact spot of its deviation (`fault ===
// 'name'`, src/mock/<vendor>/faults.ts says so), and nowhere else; a run that never reached any
// spot naming a fault took, request by request, the path it would have taken through the mock
// with that fault. V8's block coverage tells which spots ran: the count of the innermost range
// holding the name's literal is how often that comparison was evaluated. A name written anywhere
// else in the mocks' code (a lookup table of faults, read elsewhere) cannot be followed so: it
// counts as reached by every stretch.
// V8 counts the right-hand side of `&&` as a range of its own, so a name compared last in its
// condition (`body === '' && fault === 'name'`, as the mocks write it) counts only where the
// conditions before it held: where the fault could change the answer, not wherever it is near.

interface ScriptCoverage {
  scriptId: string;
  url: string;
  functions: { ranges: { startOffset: number; endOffset: number; count: number }[] }[];
}

/**
 * The mocks' code, outside the catalogues (faults.ts, variants.ts) and the profile readers, which
 * name faults and variants to pick them at start-up, not to consult them.
 */
const isMockCode = (url: string) => url.includes('/src/mock/') && !/\/(faults|variants|profile-readers)\.ts\b|\.test\.ts\b/.test(url);

export interface Reach {
  /** For each stretch, in order: the names whose spots ran in it. */
  stretches: Set<string>[];
  /** Names no spot of the mocks' code holds: nothing could tell whether a stretch reached them. */
  unsited: string[];
}

export interface FaultReach {
  /** Ends a stretch: what ran since the previous mark (or the start). */
  mark(): Promise<void>;
  /** Stops counting and says, stretch by stretch, which of the names ran. */
  finish(): Promise<Reach>;
}

/** Starts counting, in this process, which of `names` (faults, or variants) the mocks' code consults. */
export async function startFaultReach(names: readonly string[]): Promise<FaultReach> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  const stretches: ScriptCoverage[][] = [];
  return {
    async mark() {
      const { result } = (await session.post('Profiler.takePreciseCoverage')) as { result: ScriptCoverage[] };
      stretches.push(result.filter((script) => isMockCode(script.url)));
    },
    async finish() {
      await session.post('Profiler.stopPreciseCoverage');
      await session.post('Profiler.disable');
      // The scripts' text only now: code run while the debugger is on stays slower after it is off.
      await session.post('Debugger.enable');
      const sitesOf = new Map<string, Map<string, number[]>>();
      try {
        for (const script of stretches.flat()) if (!sitesOf.has(script.scriptId)) sitesOf.set(script.scriptId, literals((await session.post('Debugger.getScriptSource', { scriptId: script.scriptId })).scriptSource, names));
      } finally {
        await session.post('Debugger.disable');
        session.disconnect();
      }
      const sited = new Set([...sitesOf.values()].flatMap((sites) => [...sites.keys()]));
      const everywhere = new Set([...sitesOf.values()].flatMap((sites) => [...sites].filter(([, offsets]) => offsets.includes(ELSEWHERE)).map(([name]) => name)));
      return {
        stretches: stretches.map((scripts) => {
          const reached = new Set<string>(everywhere);
          for (const script of scripts) for (const [name, offsets] of sitesOf.get(script.scriptId)!) if (offsets.some((at) => at !== ELSEWHERE && countAt(script, at) > 0)) reached.add(name);
          return reached;
        }),
        unsited: names.filter((name) => !sited.has(name)),
      };
    },
  };
}

/** The offset of a name written other than as a compared value: the comparison that reads it is elsewhere. */
export const ELSEWHERE = -1;
/** What may stand before a compared name: `fault === `, `fault !== `, `variants.has(`, `case `. */
const COMPARED = /(?:[=!]==|\.has\(|\bcase)\s*$/;

/** Where each name is written in a script, as a string literal (a transform may turn either quote into the other). */
export function literals(source: string, names: readonly string[]): Map<string, number[]> {
  const sites = new Map<string, number[]>();
  for (const name of names) {
    const offsets: number[] = [];
    for (const literal of [`'${name}'`, `"${name}"`])
      for (let at = source.indexOf(literal); at >= 0; at = source.indexOf(literal, at + 1)) offsets.push(COMPARED.test(source.slice(Math.max(0, at - 12), at)) ? at : ELSEWHERE);
    if (offsets.length > 0) sites.set(name, offsets);
  }
  return sites;
}

/** How often the code at `offset` ran: the count of the innermost range that holds it. */
function countAt(script: ScriptCoverage, offset: number): number {
  let best: { width: number; count: number } | undefined;
  for (const fn of script.functions)
    for (const range of fn.ranges) {
      const width = range.endOffset - range.startOffset;
      if (range.startOffset <= offset && offset < range.endOffset && (!best || width <= best.width)) best = { width, count: range.count };
    }
  return best?.count ?? 0;
}
