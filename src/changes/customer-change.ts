import type { CustomerChangeKind } from '../providers/kit/webhooks';

/** What one change announces to every instance: which customer, how, when; never the customer's data. */
export interface CustomerChangeMessage {
  kind: CustomerChangeKind;
  provider: string;
  /** The native id. */
  customerId: string;
  externalId: string | null;
  /** ISO 8601. */
  occurredAt: string;
  /** A provider's webhook, or a write through the gateway (which the provider's webhook may announce again). */
  origin: 'webhook' | 'write';
}

/** The pub/sub the changes travel on: the state port's (memory for one instance, Redis for many). */
export interface ChangeBus {
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, listener: (message: string) => void): Promise<() => Promise<void>>;
}

export const CUSTOMER_CHANGES_CHANNEL = 'customer-graph:customer-changed';

export function decodeChange(text: string): CustomerChangeMessage | null {
  try {
    const value = JSON.parse(text) as Partial<CustomerChangeMessage>;
    if (typeof value.provider !== 'string' || typeof value.customerId !== 'string' || typeof value.kind !== 'string' || typeof value.occurredAt !== 'string') return null;
    return value as CustomerChangeMessage;
  } catch {
    return null;
  }
}
