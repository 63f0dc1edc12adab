import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { belowBasePath, listen, normaliseBasePath, sendResponse } from './http-kit.ts';

describe('serving under a base path', () => {
  it('normalises what a user gives', () => {
    expect(normaliseBasePath(undefined)).toBe('');
    expect(normaliseBasePath('/')).toBe('');
    expect(normaliseBasePath('some/prefix/')).toBe('/some/prefix');
  });

  it('routes the target below the prefix, and nothing outside it', () => {
    expect(belowBasePath('/v1/customers?orgId=a', '')).toBe('/v1/customers?orgId=a');
    expect(belowBasePath('/some/prefix/v1/customers?orgId=a', '/some/prefix')).toBe('/v1/customers?orgId=a');
    expect(belowBasePath('/some/prefix', '/some/prefix')).toBe('/');
    expect(belowBasePath('/some/prefix?x=1', '/some/prefix')).toBe('/?x=1');
    expect(belowBasePath('/some/prefixed/v1/customers', '/some/prefix')).toBeUndefined();
    expect(belowBasePath('/v1/customers', '/some/prefix')).toBeUndefined();
  });
});

describe('answering at the end of the turn', () => {
  async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ base: string; server: Server }> {
    const server = createServer(handler);
    return { base: await listen(server), server };
  }

  it('writes the answer after the handler returns, with its status, headers and body as given', async () => {
    const writtenDuringTurn: boolean[] = [];
    const { base, server } = await serve((_req, res) => {
      sendResponse(res, 201, { 'content-type': 'text/plain', 'x-kind': 'deferred' }, 'made');
      writtenDuringTurn.push(res.headersSent);
    });
    try {
      const answer = await fetch(`${base}/`);
      expect([answer.status, answer.headers.get('x-kind'), await answer.text()]).toEqual([201, 'deferred', 'made']);
      expect(writtenDuringTurn).toEqual([false]);
    } finally {
      server.close();
    }
  });

  it('closes the connection on a second answer to one request, and goes on serving', async () => {
    const { base, server } = await serve((req, res) => {
      sendResponse(res, 200, { 'content-length': '5' }, 'first');
      if (req.url === '/twice') setImmediate(() => sendResponse(res, 500, { 'content-length': '6' }, 'second'));
    });
    try {
      const answer = await fetch(`${base}/twice`);
      expect(await answer.text()).toBe('first');
      expect(await (await fetch(`${base}/once`)).text()).toBe('first');
    } finally {
      server.close();
    }
  });

  it('closes the connection when node refuses a header, instead of throwing where nothing catches it', async () => {
    const { base, server } = await serve((req, res) => {
      sendResponse(res, 200, req.url === '/bad' ? { 'x-bad': 'line\nbreak' } : {}, 'fine');
    });
    try {
      await expect(fetch(`${base}/bad`)).rejects.toThrow();
      expect(await (await fetch(`${base}/good`)).text()).toBe('fine');
    } finally {
      server.close();
    }
  });
});
