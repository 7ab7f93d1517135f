import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { RouteTemplates } from '../../src/providers/kit/route-template';
import { describeListenError } from '../../src/server/start-up-errors';

function listenError(port: number, host: string): Promise<unknown> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', resolve);
    server.listen(port, host, () => server.close(() => resolve(null)));
  });
}

describe('start-up errors in a sentence', () => {
  it('says a HOST that is not this machine\'s address cannot be listened on', async () => {
    const error = await listenError(0, '192.0.2.1');
    expect(describeListenError(error, 'gateway', 'PORT')).toBe(
      'HOST "192.0.2.1" is not an address of this machine, so the gateway cannot listen on it: use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)',
    );
  });

  it('says a port is taken and which variable moves it', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', () => resolve()));
    const port = (holder.address() as { port: number }).port;
    const error = await listenError(port, '127.0.0.1');
    holder.close();
    expect(describeListenError(error, 'gateway', 'PORT')).toBe(`port ${port} on 127.0.0.1 is already in use: stop what holds it, or choose another with PORT`);
  });

  it('says a HOST name that does not resolve is not an address (the resolver\'s error, as Node raises it)', () => {
    const error = Object.assign(new Error('getaddrinfo ENOTFOUND 999.1.1.1'), { code: 'ENOTFOUND', hostname: '999.1.1.1', syscall: 'getaddrinfo' });
    expect(describeListenError(error, 'gateway', 'PORT')).toMatch(/^HOST "999\.1\.1\.1" is not an address or a name this machine can resolve/);
    expect(describeListenError(new Error('something else'), 'gateway', 'PORT')).toBeNull();
  });
});

describe('route templates', () => {
  const routes = new RouteTemplates(['/v1/customers/', '/v1/customers/{id}', '/v1/customers/{id}/state', '/v1/customers/external/{external_id}']);

  it('names a path by its template, the most specific first', () => {
    expect(routes.match('/v1/customers/')).toBe('/v1/customers/');
    expect(routes.match('/v1/customers/0b4e-11')).toBe('/v1/customers/{id}');
    expect(routes.match('/v1/customers/0b4e-11/state')).toBe('/v1/customers/{id}/state');
    expect(routes.match('/v1/customers/external/user%40example.com')).toBe('/v1/customers/external/{external_id}');
  });

  it('never echoes a path it does not know (it may hold an id)', () => {
    expect(routes.match('/v1/orders/ord_123')).toBe('unlisted');
    expect(routes.match('/v1/customers/abc/secret-thing')).toBe('unlisted');
  });
});
