import { describe, expect, it } from 'vitest';
import type { Customer } from '../../src/providers/spec/provider';
import type { WriteResult } from '../../src/writes/outcomes';
import { writeResultCodec } from '../../src/writes/write-result-codec';
import { ConflictError, NotFoundError, ProviderWriteError, StateUnavailableWriteError, UnsupportedOperationError, ValidationError } from '../../src/writes/write-errors';

const customer: Customer = {
  provider: 'polar',
  providerId: '1f0c',
  externalId: 'user_1',
  email: 'ada@example.com',
  name: 'Ada',
  status: 'ACTIVE',
  providerStatus: null,
  createdAt: new Date('2026-01-02T03:04:05.678Z'),
  updatedAt: null,
  currency: null,
  timezone: null,
  metadata: { plan: 'pro', nested: { $date: 'not a date: two keys', other: 1 } },
  billingAddress: null,
  raw: { id: '1f0c' },
  embeddedState: {
    subscriptions: [
      { id: 's', status: 'active', productId: null, amount: 100, currency: 'usd', interval: 'month', currentPeriodStart: new Date('2026-02-01T00:00:00Z'), currentPeriodEnd: null, cancelAtPeriodEnd: false, startedAt: null },
    ],
  },
};

describe('write results through the state store', () => {
  it('come back with the same dates, values and error classes, so a replay answers exactly as the first call', () => {
    const errors = [
      new NotFoundError('orb: not found', 'orb'),
      new ValidationError('bad timezone', 'timezone', 'stigg'),
      new UnsupportedOperationError('no archive', 'orb', 'archive', 'deleteCustomer'),
      new ConflictError('already held', 'omise'),
      new ProviderWriteError('synctera: timed out', 'synctera', null, true, true, 'key-1', 'PROVIDER_TIMEOUT'),
      new StateUnavailableWriteError('redis away'),
    ];
    const result: WriteResult = {
      outcomes: [{ provider: 'polar', customer, error: null }, ...errors.map((error) => ({ provider: 'x', customer: null, error }))],
      replayed: false,
      idempotencyKey: 'key-1',
    };
    const decoded = writeResultCodec.decode(writeResultCodec.encode(result));
    expect(decoded.outcomes[0]?.customer).toEqual(customer);
    expect(decoded.outcomes[0]?.customer?.createdAt).toBeInstanceOf(Date);
    decoded.outcomes.slice(1).forEach((outcome, index) => {
      const original = errors[index] as Error;
      expect(outcome.error).toBeInstanceOf(original.constructor);
      expect({ ...outcome.error }).toEqual({ ...original });
      expect(outcome.error?.message).toBe(original.message);
    });
    expect(decoded.idempotencyKey).toBe('key-1');
  });

  it('keep a thrown error thrown, and an unexpected one unexpected', () => {
    const thrown = writeResultCodec.decodeError(writeResultCodec.encodeError(new ProviderWriteError('omise: timed out', 'omise', null, true, true, 'k', 'PROVIDER_TIMEOUT')));
    expect(thrown).toBeInstanceOf(ProviderWriteError);
    expect(thrown).toMatchObject({ outcomeUnknown: true, idempotencyKey: 'k', code: 'PROVIDER_TIMEOUT' });
    const unexpected = writeResultCodec.decodeError(writeResultCodec.encodeError(new TypeError('boom')));
    expect(unexpected).not.toBeInstanceOf(ProviderWriteError);
    expect(unexpected.message).toBe('boom');
  });
});
