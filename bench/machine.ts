import { cpus, freemem, loadavg, release, totalmem, type } from 'node:os';

export interface Machine {
  cpuModel: string;
  cpuCount: number;
  memoryGiB: number;
  freeMemoryGiB: number;
  os: string;
  node: string;
  /** 1-minute load average when the bench started: above the CPU count, others were busy too. */
  loadAverage: number;
  date: string;
}

export function describeMachine(): Machine {
  const all = cpus();
  return {
    cpuModel: all[0]?.model.trim() ?? 'unknown',
    cpuCount: all.length,
    memoryGiB: round(totalmem() / 2 ** 30),
    freeMemoryGiB: round(freemem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
    loadAverage: round(loadavg()[0] ?? 0),
    date: new Date().toISOString(),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
