import { describe, expect, it } from 'vitest';
import { CreateCustomerDocument, UpdateCustomerDocument } from '../generated/graphql';
import { gatewayUnderTest } from '../support/gateway';

/** Every target's input rules are checked before the first write of a fan-out: a refusal writes nothing anywhere. */

const gateway = await gatewayUnderTest({ people: 60 }, { fresh: true });

const writes = () => gateway.upstream().filter((entry) => entry.method !== 'GET');

describe('provider input rules, checked for every target before any write', () => {
  it('a one-word name for a person Synctera holds is refused whole: no provider is written', async () => {
    const result = await gateway.execute(UpdateCustomerDocument, { input: { externalId: 'user_000003', name: 'Renamed' } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateCustomer).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', field: 'name', invalidAt: 'SYNCTERA' });
    expect(writes()).toEqual([]);
    // The lookups found the person at Synctera and elsewhere: the refusal is not for want of targets.
    expect(new Set(gateway.upstream().map((entry) => entry.provider)).size).toBeGreaterThan(1);
  });

  it('the same fan-out with a first and a last name writes everywhere the person is held', async () => {
    const result = await gateway.execute(UpdateCustomerDocument, { input: { externalId: 'user_000003', name: 'Renamed Person' } });
    expect(result.data?.updateCustomer.__typename).toBe('UpdateCustomerPayload');
    expect(writes().map((entry) => entry.provider)).toContain('synctera');
  });

  it('a 65-character idempotency key for an Orb target is a ValidationError before any upstream call', async () => {
    const key = 'k'.repeat(65);
    const create = await gateway.execute(CreateCustomerDocument, {
      input: { provider: 'ORB', externalId: 'rules-orb-key', email: 'rules@example.com', name: 'Key Length', idempotencyKey: key },
    });
    expect(create.data?.createCustomer).toMatchObject({ __typename: 'ValidationError', field: 'idempotencyKey', invalidAt: 'ORB' });
    const update = await gateway.execute(UpdateCustomerDocument, { input: { externalId: 'user_000001', provider: 'ORB', name: 'Ada Lovelace', idempotencyKey: key } });
    expect(update.data?.updateCustomer).toMatchObject({ __typename: 'ValidationError', field: 'idempotencyKey', invalidAt: 'ORB' });
    expect(gateway.upstream()).toEqual([]);
  });

  it('a 64-character key is Orb\'s limit and passes', async () => {
    const create = await gateway.execute(CreateCustomerDocument, {
      input: { provider: 'ORB', externalId: 'rules-orb-key-64', email: 'rules64@example.com', name: 'Key Length', idempotencyKey: 'k'.repeat(64) },
    });
    expect(create.data?.createCustomer.__typename).toBe('CreateCustomerPayload');
  });

  it('a field longer than the provider stores is refused before the call', async () => {
    const create = await gateway.execute(CreateCustomerDocument, { input: { provider: 'STIGG', externalId: 'rules-stigg-long', name: 'n'.repeat(256) } });
    expect(create.data?.createCustomer).toMatchObject({ __typename: 'ValidationError', field: 'name', invalidAt: 'STIGG' });
    expect(gateway.upstream()).toEqual([]);
  });

  it("Polar's documented limits are refused before the call: a 257-character name, a 41-character metadata key", async () => {
    const name = await gateway.execute(CreateCustomerDocument, { input: { provider: 'POLAR', email: 'rules-polar@example.com', name: 'n'.repeat(257) } });
    expect(name.data?.createCustomer).toMatchObject({ __typename: 'ValidationError', field: 'name', invalidAt: 'POLAR' });
    const key = await gateway.execute(UpdateCustomerDocument, { input: { externalId: 'user_000002', provider: 'POLAR', metadata: { ['k'.repeat(41)]: 'v' } } });
    expect(key.data?.updateCustomer).toMatchObject({ __typename: 'ValidationError', field: 'metadata', invalidAt: 'POLAR' });
    expect(gateway.upstream().filter((entry) => entry.provider === 'polar')).toEqual([]);
    expect(writes()).toEqual([]);
  });

  it('a 256-character name and a metadata patch that removes a key pass at Polar', async () => {
    const create = await gateway.execute(CreateCustomerDocument, {
      input: { provider: 'POLAR', email: 'rules-polar-256@example.com', name: 'n'.repeat(256), metadata: { plan: 'pro', seats: 3, trial: false } },
    });
    expect(create.data?.createCustomer.__typename).toBe('CreateCustomerPayload');
    const update = await gateway.execute(UpdateCustomerDocument, { input: { externalId: 'user_000002', provider: 'POLAR', metadata: { plan: null } } });
    expect(update.data?.updateCustomer.__typename).toBe('UpdateCustomerPayload');
  });
});
