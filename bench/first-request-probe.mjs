// Preloaded (node --import) into `conform run` by bench/startup.ts. It notes, in
// BENCH_FIRST_REQUEST_FILE, when a server of the process first listens and when the first HTTP
// request reaches one (the embedded mock lives in the run's main process), as epoch
// milliseconds with sub-millisecond precision. Plain JavaScript so that it loads before tsx;
// it changes nothing the run does.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { appendFileSync } from 'node:fs';
import { Server } from 'node:net';

const file = process.env.BENCH_FIRST_REQUEST_FILE;
const now = () => performance.timeOrigin + performance.now();

if (file) {
  const onRequest = () => {
    unsubscribe('http.server.request.start', onRequest);
    appendFileSync(file, `request ${process.pid} ${now()}\n`);
  };
  subscribe('http.server.request.start', onRequest);

  const listen = Server.prototype.listen;
  let listened = false;
  Server.prototype.listen = function (...args) {
    if (!listened) {
      listened = true;
      appendFileSync(file, `listen ${process.pid} ${now()}\n`);
    }
    return listen.apply(this, args);
  };
}
