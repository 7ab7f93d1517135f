import { createPubSub, filter, pipe } from 'graphql-yoga';
import { CUSTOMER_CHANGES_CHANNEL, decodeChange, type ChangeBus, type CustomerChangeMessage } from './customer-change';

export interface ChangeFilter {
  provider?: string;
  customerId?: string;
  externalId?: string;
}

/**
 * Customer changes for subscribers. Publishing goes through the bus, so every instance hears it (this one
 * included); each instance listens once and fans the changes out to its own subscribers in memory.
 */
export class ChangeFeed {
  private readonly local = createPubSub<{ change: [CustomerChangeMessage] }>();
  private unsubscribe: (() => Promise<void>) | null = null;

  constructor(
    private readonly bus: ChangeBus,
    private readonly onError: (error: unknown) => void,
  ) {}

  async start(): Promise<void> {
    if (this.unsubscribe !== null) return;
    this.unsubscribe = await this.bus.subscribe(CUSTOMER_CHANGES_CHANNEL, (text) => {
      const change = decodeChange(text);
      if (change !== null) this.local.publish('change', change);
    });
  }

  async publish(change: CustomerChangeMessage): Promise<void> {
    await this.bus.publish(CUSTOMER_CHANGES_CHANNEL, JSON.stringify(change));
  }

  /** The changes that match, from now on, until the consumer stops iterating. */
  subscribe(match: ChangeFilter): AsyncIterable<CustomerChangeMessage> {
    return pipe(
      this.local.subscribe('change'),
      filter((change: CustomerChangeMessage) => matches(change, match)),
    );
  }

  async close(): Promise<void> {
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = null;
    await unsubscribe?.().catch(this.onError);
  }
}

function matches(change: CustomerChangeMessage, match: ChangeFilter): boolean {
  if (match.provider !== undefined && change.provider !== match.provider) return false;
  if (match.customerId !== undefined && change.customerId !== match.customerId) return false;
  if (match.externalId !== undefined && change.externalId !== match.externalId) return false;
  return true;
}
