import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway';

const page = 'query($after: String) { customers(provider: ORB, first: 3, after: $after) { pageInfo { endCursor } nodes { id } } }';
let first: TestGateway;
let sameSecret: TestGateway;
let otherSecret: TestGateway;

beforeAll(async () => {
  [first, sameSecret, otherSecret] = await Promise.all([
    startTestGateway({ people: 40, frontDoor: { cursorSecret: 'shared-secret-of-the-instances' } }),
    startTestGateway({ people: 40, frontDoor: { cursorSecret: 'shared-secret-of-the-instances' } }),
    startTestGateway({ people: 40, frontDoor: { cursorSecret: 'another-deployment-entirely' } }),
  ]);
});
afterAll(() => Promise.all([first.close(), sameSecret.close(), otherSecret.close()]));

describe('signed cursors (CURSOR_SECRET)', () => {
  it('an instance sharing the secret continues the page; one with another secret refuses it', async () => {
    const cursor = (await first.run(page)).data.customers.pageInfo.endCursor as string;
    const next = await first.run(page, { after: cursor });
    const continued = await sameSecret.run(page, { after: cursor });
    expect(continued.data.customers.nodes).toEqual(next.data.customers.nodes);
    const foreign = await otherSecret.run(page, { after: cursor });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
  });

  it('a cursor changed by the caller (a forged page size) is refused, costing no upstream call', async () => {
    const cursor = (await first.run(page)).data.customers.pageInfo.endCursor as string;
    const [payload, mac] = cursor.split('.') as [string, string];
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    decoded.s.orb.pageSize = 1;
    const forged = `${Buffer.from(JSON.stringify(decoded)).toString('base64url')}.${mac}`;
    first.clearUpstream();
    for (const after of [forged, payload, `${payload}.`, `${payload}.${mac.slice(1)}x`]) {
      const result = await first.run(page, { after });
      expect(result.errors?.[0]?.extensions, after).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
    }
    expect(first.upstream()).toEqual([]);
  });
});
