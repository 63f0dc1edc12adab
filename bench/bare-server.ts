import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// The upper bound of the mock-throughput figure: node:http answering every request with one
// constant JSON body (a customer record's size), with nothing else done. It reads no body and
// checks nothing, so whatever the mocks fall short of it is their own work. Forked by
// spawnServer(); it sends { url } once it listens and exits when the parent goes.

const BODY = Buffer.from(
  JSON.stringify({
    id: '3kTp9j2mN5xR',
    tenantId: '0b6f5a8e-8a55-4c1e-9a55-1f2d3c4b5a69',
    firstName: 'Ada',
    lastName: 'Lovelace',
    emailAddress: 'ada@example.com',
    dateOfBirth: '1815-12-10',
    address: { addressLine1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
    orgId: 'branch-london',
    created: '2024-06-01T12:00:00.000Z',
    lastUpdated: '2024-06-01T12:00:00.000Z',
  }),
);
const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'content-length': String(BODY.length) };

const server = createServer((_req, res) => {
  res.writeHead(200, HEADERS);
  res.end(BODY);
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ url: `http://127.0.0.1:${port}` });
});
process.on('message', (message) => {
  if (message === 'measure') process.send?.({ memory: process.memoryUsage(), cpu: process.cpuUsage() });
  if (message === 'cpu') process.send?.({ cpuOnly: process.cpuUsage() });
});
process.on('disconnect', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
