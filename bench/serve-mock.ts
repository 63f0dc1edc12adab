import { startMock } from '../src/mock/start-mock.ts';
import { isVendor } from '../src/openapi/vendors.ts';

// A vendor's reference mock in a process of its own, so that a load generator in the parent
// does not share its event loop. Started by spawnServer() (bench/spawn-server.ts) with an IPC
// channel: it answers { url, credentials } once listening, and { memory } (after a full GC when
// node runs with --expose-gc) to every 'measure' message. It exits when the parent goes.

const vendor = process.argv[2] ?? '';
if (!isVendor(vendor)) throw new Error(`serve-mock: unknown vendor "${vendor}"`);
const mock = await startMock(vendor, { env: JSON.parse(process.env.BENCH_MOCK_ENV ?? '{}') as Record<string, string> });

process.on('message', (message) => {
  // CPU alone, without the full GC of 'measure': read around a load run, the GC would count in it.
  if (message === 'cpu') return void process.send?.({ cpuOnly: process.cpuUsage() });
  if (message !== 'measure') return;
  globalThis.gc?.();
  process.send?.({ memory: process.memoryUsage(), cpu: process.cpuUsage() });
});
process.on('disconnect', () => void mock.close().finally(() => process.exit(0)));
process.send?.({ url: mock.url, credentials: mock.credentials });
