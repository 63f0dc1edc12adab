import type { AddressInfo, Server, Socket } from 'node:net';

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Connections accepted so far. */
  connections: number;
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1, a free port, and tracks connections so that close() ends even those a
 * misbehaving server left hanging. For the tests' deliberately broken servers.
 */
export async function listenTestServer(server: Server): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const handle: TestServer = {
    url: '',
    port: 0,
    connections: 0,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  server.on('connection', (socket: Socket) => {
    handle.connections++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  handle.port = (server.address() as AddressInfo).port;
  handle.url = `http://127.0.0.1:${handle.port}`;
  return handle;
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  const { port, close } = await listenTestServer(server);
  await close();
  return port;
}
