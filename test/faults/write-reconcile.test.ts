import { describe, expect, it } from 'vitest';
import { CreateCustomerDocument, CustomersPageDocument } from '../generated/graphql';
import { gatewayUnderTest } from '../support/gateway';

/**
 * Omise and Polar ignore Idempotency-Key. A create whose answer is lost (the body cut off after the record was
 * written) is reconciled on the retry with the same key: the record the first attempt made is found by the
 * gateway's marker and answered with `replayed: true`; nothing is written twice and no false conflict is reported.
 */

const gateway = await gatewayUnderTest({ people: 40, retry: { retries: 0 } });

describe.each(['OMISE', 'POLAR'] as const)('%s: a create whose answer was lost', (provider) => {
  const name = provider.toLowerCase();

  it('answers the retry with the record the first attempt made, replayed, and never writes it twice', async () => {
    const email = `lost.answer.${name}@example.com`;
    const input = { provider, email, name: 'Lost Answer', externalId: `lost_${name}`, metadata: { plan: 'gold' }, idempotencyKey: `lost-${name}-1` };
    gateway.sandbox.setFaults({ [name]: { malformedRate: 1 } });
    const first = await gateway.execute(CreateCustomerDocument, { input });
    gateway.sandbox.setFaults({});
    expect(first.data!.createCustomer).toMatchObject({ __typename: 'ProviderError', outcomeUnknown: true, idempotencyKey: input.idempotencyKey });
    expect(first.data!.createCustomer).toMatchObject({ message: expect.stringContaining('retry with the same idempotencyKey') });

    gateway.clearUpstream();
    const retry = await gateway.execute(CreateCustomerDocument, { input });
    expect(retry.data!.createCustomer).toMatchObject({ __typename: 'CreateCustomerPayload', replayed: true, customer: { email, name: 'Lost Answer', externalId: input.externalId } });
    const created = (retry.data!.createCustomer as { customer: { id: string; metadata: Record<string, unknown> } }).customer;
    expect(created.metadata).toEqual({ plan: 'gold' });
    expect(gateway.upstream().filter((entry) => entry.method === 'POST')).toHaveLength(0);

    // Once settled, the key replays the same record without any upstream call.
    gateway.clearUpstream();
    const again = await gateway.execute(CreateCustomerDocument, { input });
    expect(again.data!.createCustomer).toMatchObject({ replayed: true, customer: { id: created.id } });
    expect(gateway.upstream()).toHaveLength(0);

    const listed = await gateway.execute(CustomersPageDocument, { provider, first: 50, filter: { search: email } });
    expect(listed.data!.customers.edges.map((edge) => edge.node.id)).toEqual([created.id]);
  });

  it('writes when the first attempt never landed, and refuses the key for a different input whatever happened', async () => {
    const input = { provider, email: `never.landed.${name}@example.com`, name: 'Never Landed', idempotencyKey: `lost-${name}-2` };
    gateway.sandbox.setFaults({ [name]: { errorRate: 1, errorStatus: 503 } });
    const first = await gateway.execute(CreateCustomerDocument, { input });
    expect(first.data!.createCustomer).toMatchObject({ __typename: 'ProviderError', outcomeUnknown: true });

    const different = await gateway.execute(CreateCustomerDocument, { input: { ...input, name: 'Someone Else' } });
    expect(different.data!.createCustomer).toMatchObject({ __typename: 'ConflictError' });

    gateway.sandbox.setFaults({});
    gateway.clearUpstream();
    const retry = await gateway.execute(CreateCustomerDocument, { input });
    expect(retry.data!.createCustomer).toMatchObject({ __typename: 'CreateCustomerPayload', replayed: false, customer: { email: input.email } });
    expect(gateway.upstream().filter((entry) => entry.method === 'POST')).toHaveLength(1);
  });
});

/**
 * Orb, Stigg and Synctera honour Idempotency-Key: the retry is sent again with the key and the provider answers
 * with the record the lost attempt made. The gateway answers it `replayed: true`: Orb says so
 * (`Idempotent-Replayed`); for Stigg and Synctera the record was made before the retry was sent (less a clock margin).
 */
/** Past the clock margin (200 ms) the gateway allows a provider's clock. */
const later = () => new Promise((resolve) => setTimeout(resolve, 300));

describe.each(['ORB', 'STIGG', 'SYNCTERA'] as const)('%s (honours Idempotency-Key): a create whose answer was lost', (provider) => {
  const name = provider.toLowerCase();
  const held = async (email: string) => {
    const listed = await gateway.run('query ($p: Provider) { customers(provider: $p, first: 100) { nodes { id email } } }', { p: provider });
    return ((listed.data!.customers as { nodes: { id: string; email: string | null }[] }).nodes).filter((node) => node.email === email).map((node) => node.id);
  };

  it('answers the retry with the record the first attempt made, replayed: true, one record', async () => {
    const email = `lost.answer.${name}@example.com`;
    const input = { provider, email, name: 'Lost Answer', externalId: `lost_${name}`, idempotencyKey: `lost-${name}-1` };
    gateway.sandbox.setFaults({ [name]: { malformedRate: 1 } });
    const first = await gateway.execute(CreateCustomerDocument, { input });
    gateway.sandbox.setFaults({});
    expect(first.data!.createCustomer).toMatchObject({ __typename: 'ProviderError', outcomeUnknown: true, idempotencyKey: input.idempotencyKey });

    await later();
    const retry = await gateway.execute(CreateCustomerDocument, { input });
    expect(retry.data!.createCustomer).toMatchObject({ __typename: 'CreateCustomerPayload', replayed: true, customer: { email, externalId: input.externalId } });
    const created = (retry.data!.createCustomer as { customer: { id: string } }).customer;
    expect(await held(email)).toEqual([created.id]);
  });

  it('answers replayed: false when the first attempt never landed and the retry wrote', async () => {
    const email = `never.landed.${name}@example.com`;
    const input = { provider, email, name: 'Never Landed', externalId: `never_${name}`, idempotencyKey: `lost-${name}-2` };
    gateway.sandbox.setFaults({ [name]: { errorRate: 1, errorStatus: 503 } });
    const first = await gateway.execute(CreateCustomerDocument, { input });
    gateway.sandbox.setFaults({});
    expect(first.data!.createCustomer).toMatchObject({ __typename: 'ProviderError', outcomeUnknown: true });

    await later();
    const retry = await gateway.execute(CreateCustomerDocument, { input });
    expect(retry.data!.createCustomer).toMatchObject({ __typename: 'CreateCustomerPayload', replayed: false, customer: { email } });
    expect(await held(email)).toHaveLength(1);
  });
});
