import type { Random } from '../shared/random';
import type { PolarCatalog } from './polar-catalog';
import { materializePolarHistory } from './polar-seed-subscriptions';
import type { PolarCustomerRecord } from './polar-types';

/** Draws a seeded customer's planned history, once, from a stream named after the customer. */
export function ensurePolarHistory(record: PolarCustomerRecord, catalog: PolarCatalog, random: (stream: string) => Random): void {
  const plan = record.plannedHistory;
  if (plan === null) return;
  record.plannedHistory = null;
  materializePolarHistory(record, plan, catalog, random(`polar:history:${record.id}`));
}

/** What `?active=true` means: at least one trialing, active or past-due subscription. */
export function hasLivePolarSubscription(record: PolarCustomerRecord): boolean {
  if (record.plannedHistory !== null) return record.plannedHistory.outcome !== 'canceled';
  return record.subscriptions.some((subscription) => subscription.status !== 'canceled');
}
