import { describe, expect, it } from 'vitest';
import {
  ArchiveCustomerDocument,
  CreateCustomerDocument,
  CustomerByExternalIdDocument,
  CustomerByIdDocument,
  CustomersPageDocument,
  DeleteCustomerDocument,
  SyncPaymentMethodsDocument,
  UnarchiveCustomerDocument,
  UpdateCustomerDocument,
  type CreateCustomerInput,
  type Provider,
} from '../generated/graphql';
import { gatewayUnderTest } from '../support/gateway';

let sequence = 0;

const gateway = await gatewayUnderTest({ people: 200 }, { fresh: true });

const unique = (label: string) => `${label}-${Date.now().toString(36)}-${sequence++}`;

/** A valid create input for each provider: what it requires, and nothing it cannot store. */
function createInput(provider: Provider, externalId: string): CreateCustomerInput {
  const base = { provider, externalId, email: `${externalId}@example.com`, name: 'Grace Hopper', metadata: { plan: 'pro' } };
  if (provider === 'ORB') return { ...base, currency: 'USD', timezone: 'America/New_York' };
  if (provider === 'STIGG') return { ...base, currency: 'USD' };
  return base;
}

const writes = () => gateway.upstream().filter((entry) => entry.method !== 'GET');
const count = (provider: Provider) => gateway.sandbox.customerCounts()[provider.toLowerCase()]!;

async function create(provider: Provider, externalId = unique('ext')) {
  const result = await gateway.execute(CreateCustomerDocument, { input: createInput(provider, externalId) });
  expect(result.errors).toBeUndefined();
  const payload = result.data!.createCustomer;
  if (payload.__typename !== 'CreateCustomerPayload') throw new Error(`create at ${provider} failed: ${JSON.stringify(payload)}`);
  return payload.customer!;
}

const PROVIDERS: Provider[] = ['ORB', 'STIGG', 'OMISE', 'POLAR', 'SYNCTERA'];

describe.each(PROVIDERS)('writes at %s', (provider) => {
  it('creates a customer, stores the external ID, and finds it by external ID at once', async () => {
    const externalId = unique('created');
    const before = count(provider);
    const customer = await create(provider, externalId);
    expect(customer).toMatchObject({ provider, externalId, email: `${externalId}@example.com`, name: 'Grace Hopper', status: expect.any(String) });
    expect(customer.metadata).toEqual({ plan: 'pro' });
    expect(count(provider)).toBe(before + 1);
    const found = await gateway.execute(CustomerByExternalIdDocument, { externalId, provider });
    expect(found.data?.customerByExternalId?.id).toBe(customer.id);
  });

  it('an idempotent retry creates exactly one customer, and a reused key with other input conflicts', async () => {
    const key = unique('key');
    const input = { ...createInput(provider, unique('idem')), idempotencyKey: key };
    const before = count(provider);
    const first = await gateway.execute(CreateCustomerDocument, { input });
    const second = await gateway.execute(CreateCustomerDocument, { input });
    expect(first.data!.createCustomer).toMatchObject({ __typename: 'CreateCustomerPayload', replayed: false });
    expect(second.data!.createCustomer).toMatchObject({ __typename: 'CreateCustomerPayload', replayed: true });
    const ids = [first, second].map((result) => (result.data!.createCustomer as { customer: { id: string } }).customer.id);
    expect(ids[1]).toBe(ids[0]);
    expect(count(provider)).toBe(before + 1);
    const reused = await gateway.execute(CreateCustomerDocument, { input: { ...input, name: 'Someone Else' } });
    expect(reused.data!.createCustomer).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    expect(count(provider)).toBe(before + 1);
  });

  it('updates only the given fields, with the metadata patch rule', async () => {
    const customer = await create(provider);
    await gateway.execute(UpdateCustomerDocument, { input: { id: customer.id, metadata: { keep: 'yes', drop: 'soon' } } });
    const result = await gateway.execute(UpdateCustomerDocument, { input: { id: customer.id, name: 'Ada Lovelace', metadata: { drop: null, added: 'new' } } });
    expect(result.errors).toBeUndefined();
    const payload = result.data!.updateCustomer;
    if (payload.__typename !== 'UpdateCustomerPayload') throw new Error(JSON.stringify(payload));
    expect(payload.customer).toMatchObject({ id: customer.id, name: 'Ada Lovelace', email: customer.email, externalId: customer.externalId });
    expect(payload.customer!.metadata).toEqual({ plan: 'pro', keep: 'yes', added: 'new' });
    gateway.clearUpstream();
    const reread = await gateway.execute(CustomerByIdDocument, { id: customer.id });
    expect(reread.data?.customer).toMatchObject({ name: 'Ada Lovelace', externalId: customer.externalId });
    expect(reread.data?.customer?.metadata).toEqual({ plan: 'pro', keep: 'yes', added: 'new' });
  });

  it('updates by external ID at this provider', async () => {
    const customer = await create(provider);
    const result = await gateway.execute(UpdateCustomerDocument, { input: { externalId: customer.externalId, provider, name: 'Katherine Johnson' } });
    const payload = result.data!.updateCustomer;
    if (payload.__typename !== 'UpdateCustomerPayload') throw new Error(JSON.stringify(payload));
    expect(payload.customer).toMatchObject({ id: customer.id, name: 'Katherine Johnson' });
  });
});

describe('update routing and validation', () => {
  it('Orb and Polar update by external ID through their own by-external-id endpoints', async () => {
    for (const provider of ['ORB', 'POLAR'] as Provider[]) {
      const customer = await create(provider);
      gateway.clearUpstream();
      await gateway.execute(UpdateCustomerDocument, { input: { externalId: customer.externalId, provider, name: 'By External' } });
      const paths = writes().map((entry) => entry.path);
      expect(paths, provider).toHaveLength(1);
      expect(paths[0], provider).toMatch(/external/);
    }
  });

  it('by external ID alone, updates every provider holding the person, one outcome each', async () => {
    const result = await gateway.execute(UpdateCustomerDocument, { input: { externalId: 'user_000002', email: 'renamed.user2@example.com' } });
    const payload = result.data!.updateCustomer;
    if (payload.__typename !== 'UpdateCustomerPayload') throw new Error(JSON.stringify(payload));
    expect(payload.outcomes.map((outcome) => [outcome.provider, outcome.ok])).toEqual(PROVIDERS.map((provider) => [provider, true]));
    for (const outcome of payload.outcomes) expect(outcome.customer?.email).toBe('renamed.user2@example.com');
  });

  it('a fault at one provider is reported in its outcome while the others are written', async () => {
    gateway.sandbox.setFaults({ omise: { errorRate: 1, errorStatus: 500 } });
    const result = await gateway.execute(UpdateCustomerDocument, { input: { externalId: 'user_000003', name: 'Partly Renamed' } });
    gateway.sandbox.setFaults({});
    const payload = result.data!.updateCustomer;
    if (payload.__typename !== 'UpdateCustomerPayload') throw new Error(JSON.stringify(payload));
    const omise = payload.outcomes.find((outcome) => outcome.provider === 'OMISE')!;
    expect(omise.ok).toBe(false);
    expect(omise.error).toMatchObject({ __typename: 'ProviderError', failedAt: 'OMISE' });
    const others = payload.outcomes.filter((outcome) => outcome.provider !== 'OMISE');
    expect(others.map((outcome) => outcome.ok)).toEqual([true, true, true, true]);
    for (const outcome of others) {
      const reread = await gateway.execute(CustomerByIdDocument, { id: outcome.customer!.id });
      expect(reread.data?.customer?.name).toBe('Partly Renamed');
    }
  });

  it('fails whole, writing nothing, when one target cannot store a field', async () => {
    const before = await gateway.execute(CustomerByExternalIdDocument, { externalId: 'user_000004', provider: 'ORB' });
    gateway.clearUpstream();
    const result = await gateway.execute(UpdateCustomerDocument, { input: { externalId: 'user_000004', name: 'Never Written', currency: 'EUR' } });
    expect(result.data!.updateCustomer).toMatchObject({ __typename: 'ValidationError', field: 'currency' });
    expect(writes()).toEqual([]);
    const after = await gateway.execute(CustomerByExternalIdDocument, { externalId: 'user_000004', provider: 'ORB' });
    expect(after.data?.customerByExternalId?.name).toBe(before.data?.customerByExternalId?.name);
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    const [orb] = (await gateway.execute(CustomersPageDocument, { provider: 'ORB', first: 1 })).data!.customers.edges;
    gateway.clearUpstream();
    const cases = [
      { input: { id: orb!.node.id }, field: null },
      { input: { id: orb!.node.id, externalId: 'x', name: 'n' }, field: 'externalId' },
      { input: { id: orb!.node.id, timezone: 'Europe/Paris' }, field: 'timezone' },
      { input: { id: orb!.node.id, providerFields: { not_a_field: 1 } }, field: 'providerFields.not_a_field' },
    ];
    for (const { input, field } of cases) {
      const result = await gateway.execute(UpdateCustomerDocument, { input });
      expect(result.data!.updateCustomer, JSON.stringify(input)).toMatchObject({ __typename: 'ValidationError', field });
    }
    const badId = await gateway.execute(UpdateCustomerDocument, { input: { id: 'nope', name: 'x' } });
    expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
    expect(writes()).toEqual([]);
  });

  it('creates fail validation before any call: missing required fields, fields a provider cannot store', async () => {
    const before = gateway.sandbox.customerCounts();
    const cases: [CreateCustomerInput, string][] = [
      [{ provider: 'ORB', email: 'a@example.com' }, 'name'],
      [{ provider: 'POLAR', name: 'No Email' }, 'email'],
      [{ provider: 'OMISE', email: 'a@example.com', currency: 'USD' }, 'currency'],
      [{ provider: 'SYNCTERA', email: 'a@example.com', name: 'Ok Name', timezone: 'Asia/Tokyo' }, 'timezone'],
      [{ provider: 'OMISE', email: 'a@example.com', metadata: { external_id: 'sneaky' } }, 'metadata.external_id'],
    ];
    for (const [input, field] of cases) {
      const result = await gateway.execute(CreateCustomerDocument, { input });
      expect(result.data!.createCustomer, JSON.stringify(input)).toMatchObject({ __typename: 'ValidationError', field });
    }
    expect(gateway.sandbox.customerCounts()).toEqual(before);
    expect(writes()).toEqual([]);
  });

  it('an external ID already held at an index provider is a conflict, found without scanning', async () => {
    for (const provider of ['OMISE', 'SYNCTERA'] as Provider[]) {
      const customer = await create(provider);
      gateway.clearUpstream();
      const again = await gateway.execute(CreateCustomerDocument, { input: createInput(provider, customer.externalId!) });
      expect(again.data!.createCustomer, provider).toMatchObject({ __typename: 'ConflictError' });
      expect(gateway.upstream(), provider).toEqual([]);
    }
  });

  it('the payload and later fields in the same response show the new data', async () => {
    const result = await gateway.execute(UpdateCustomerDocument, { input: { externalId: 'user_000005', provider: 'POLAR', name: 'Fresh Name' } });
    const payload = result.data!.updateCustomer;
    if (payload.__typename !== 'UpdateCustomerPayload') throw new Error(JSON.stringify(payload));
    const polarInProfile = payload.customer!.profile!.customers.find((customer) => customer.id === payload.customer!.id);
    expect(polarInProfile?.name).toBe('Fresh Name');
  });
});

describe('delete', () => {
  it('Orb deletes softly: a later read shows DELETED', async () => {
    const customer = await create('ORB');
    const result = await gateway.execute(DeleteCustomerDocument, { input: { id: customer.id } });
    expect(result.data!.deleteCustomer.__typename).toBe('DeleteCustomerPayload');
    const reread = await gateway.execute(CustomerByIdDocument, { id: customer.id });
    expect(reread.data?.customer?.status).toBe('DELETED');
  });

  it('Omise and Polar (anonymized) delete; the external ID no longer finds them', async () => {
    for (const [provider, anonymize] of [['OMISE', null], ['POLAR', true]] as [Provider, boolean | null][]) {
      const customer = await create(provider);
      const result = await gateway.execute(DeleteCustomerDocument, { input: { id: customer.id, anonymize } });
      expect(result.data!.deleteCustomer.__typename, provider).toBe('DeleteCustomerPayload');
      const found = await gateway.execute(CustomerByExternalIdDocument, { externalId: customer.externalId!, provider });
      expect(found.data?.customerByExternalId ?? null, provider).toBeNull();
    }
  });

  it('Stigg and Synctera answer UnsupportedOperationError naming the alternative', async () => {
    for (const provider of ['STIGG', 'SYNCTERA'] as Provider[]) {
      const customer = await create(provider);
      const result = await gateway.execute(DeleteCustomerDocument, { input: { id: customer.id } });
      expect(result.data!.deleteCustomer, provider).toMatchObject({ __typename: 'UnsupportedOperationError', unsupportedAt: provider, operation: 'delete' });
      expect((result.data!.deleteCustomer as { alternative: string | null }).alternative, provider).toBeTruthy();
    }
  });

  it('by external ID across providers only with allProviders: true, listing every outcome', async () => {
    const externalId = unique('everywhere');
    for (const provider of PROVIDERS) await create(provider, externalId);
    gateway.clearUpstream();
    const refused = await gateway.execute(DeleteCustomerDocument, { input: { externalId } });
    expect(refused.data!.deleteCustomer).toMatchObject({ __typename: 'ValidationError', field: 'allProviders' });
    expect(writes()).toEqual([]);
    const result = await gateway.execute(DeleteCustomerDocument, { input: { externalId, allProviders: true } });
    const payload = result.data!.deleteCustomer;
    if (payload.__typename !== 'DeleteCustomerPayload') throw new Error(JSON.stringify(payload));
    const byProvider = Object.fromEntries(payload.outcomes.map((outcome) => [outcome.provider, outcome.ok ? 'ok' : outcome.error!.__typename]));
    expect(byProvider).toEqual({ ORB: 'ok', STIGG: 'UnsupportedOperationError', OMISE: 'ok', POLAR: 'ok', SYNCTERA: 'UnsupportedOperationError' });
  });
});

describe('archive, unarchive, sync', () => {
  it('Stigg archives and unarchives; others say they cannot', async () => {
    const customer = await create('STIGG');
    const archived = await gateway.execute(ArchiveCustomerDocument, { input: { id: customer.id } });
    expect(archived.data!.archiveCustomer).toMatchObject({ __typename: 'ArchiveCustomerPayload', customer: { status: 'ARCHIVED' } });
    const restored = await gateway.execute(UnarchiveCustomerDocument, { input: { externalId: customer.externalId, provider: 'STIGG' } });
    expect(restored.data!.unarchiveCustomer).toMatchObject({ __typename: 'UnarchiveCustomerPayload', customer: { status: 'ACTIVE' } });
    const orb = await create('ORB');
    const refused = await gateway.execute(ArchiveCustomerDocument, { input: { id: orb.id } });
    expect(refused.data!.archiveCustomer).toMatchObject({ __typename: 'UnsupportedOperationError', unsupportedAt: 'ORB', operation: 'archive' });
  });

  it('archiving by external ID alone must be asked for explicitly', async () => {
    const result = await gateway.execute(ArchiveCustomerDocument, { input: { externalId: 'user_000001' } });
    expect(result.data!.archiveCustomer).toMatchObject({ __typename: 'ValidationError', field: 'allProviders' });
  });

  it('Orb syncs payment methods by id and by external ID; Polar cannot', async () => {
    const page = await gateway.run(`{ customers(provider: ORB, first: 50) { nodes { id externalId raw } } }`);
    const stripe = page.data.customers.nodes.find((node: { raw: { payment_provider?: string }; externalId: string | null }) => node.raw.payment_provider === 'stripe_charge' && node.externalId);
    expect(stripe).toBeDefined();
    const byId = await gateway.execute(SyncPaymentMethodsDocument, { input: { id: stripe.id } });
    expect(byId.data!.syncPaymentMethods).toMatchObject({ __typename: 'SyncPaymentMethodsPayload', customer: { id: stripe.id } });
    const byExternal = await gateway.execute(SyncPaymentMethodsDocument, { input: { externalId: stripe.externalId, provider: 'ORB' } });
    expect(byExternal.data!.syncPaymentMethods).toMatchObject({ __typename: 'SyncPaymentMethodsPayload' });
    const polar = await create('POLAR');
    const refused = await gateway.execute(SyncPaymentMethodsDocument, { input: { id: polar.id } });
    expect(refused.data!.syncPaymentMethods).toMatchObject({ __typename: 'UnsupportedOperationError', unsupportedAt: 'POLAR' });
  });
});
