import type { Random } from '../shared/random';
import type { PolarCatalog, PolarProduct } from './polar-catalog';
import { grantPolarProduct } from './polar-seed-grants';
import type { PolarCustomerRecord, PolarHistoryPlan, PolarInterval, PolarSubscriptionRecord } from './polar-types';

const DAY_MS = 24 * 3600 * 1000;

export function addInterval(date: Date, interval: PolarInterval, count: number): Date {
  const next = new Date(date.getTime());
  if (interval === 'day') next.setUTCDate(next.getUTCDate() + count);
  else if (interval === 'week') next.setUTCDate(next.getUTCDate() + 7 * count);
  else if (interval === 'month') next.setUTCMonth(next.getUTCMonth() + count);
  else next.setUTCFullYear(next.getUTCFullYear() + count);
  return next;
}

/** The billing period that contains `instant`, counting whole intervals from `start`. */
function periodAround(start: Date, interval: PolarInterval, instant: Date): [Date, Date] {
  // The longest an interval can be, so the estimate never overshoots and the loop only walks forward.
  const longest = { day: DAY_MS, week: 7 * DAY_MS, month: 31 * DAY_MS, year: 366 * DAY_MS }[interval];
  let periods = Math.max(0, Math.floor((instant.getTime() - start.getTime()) / longest) - 1);
  while (addInterval(start, interval, periods + 1) <= instant) periods++;
  return [addInterval(start, interval, periods), addInterval(start, interval, periods + 1)];
}

function between(random: Random, from: Date, to: Date): Date {
  const span = Math.max(0, to.getTime() - from.getTime());
  const date = new Date(from.getTime() + Math.floor(random.next() * span));
  date.setUTCMilliseconds(0);
  return date;
}

function pickProduct(random: Random, catalog: PolarCatalog, team: boolean): PolarProduct {
  const [sprint, starter, pro, business] = catalog.products as [PolarProduct, PolarProduct, PolarProduct, PolarProduct];
  return team
    ? random.weighted([[starter, 1], [pro, 4], [business, 5]])
    : random.weighted([[sprint, 1], [starter, 4.5], [pro, 4], [business, 0.5]]);
}

function pickInterval(random: Random, product: PolarProduct): PolarInterval {
  const intervals = Object.keys(product.prices) as PolarInterval[];
  if (intervals.length === 1) return intervals[0] as PolarInterval;
  return random.weighted([['month', 7], ['year', 3]] as const);
}

/** Decided while seeding (cheap); the subscriptions themselves are drawn on first use (see `PolarHistoryPlan`). */
export function planPolarHistory(random: Random, catalog: PolarCatalog, customer: PolarCustomerRecord, seedNow: Date, currency: string, subscribed: boolean): PolarHistoryPlan | null {
  const outcome = subscribed ? 'active' : random.weighted<PolarHistoryPlan['outcome'] | 'none'>([['none', 30], ['active', 50], ['trialing', 7], ['past_due', 3], ['canceled', 10]]);
  if (outcome === 'none' || seedNow.getTime() - 3600 * 1000 <= customer.createdAt.getTime()) return null;
  const product = pickProduct(random, catalog, customer.type === 'team');
  // A product without a trial cannot be trialing: that customer subscribed straight away.
  return { outcome: outcome === 'trialing' && product.trialDays === 0 ? 'active' : outcome, productId: product.id, currency, seedNow };
}

/**
 * Draws a planned subscription history around `seedNow`, with the grants and meters that an active or trialing
 * subscription brings. Canceled and past-due subscriptions grant nothing, so the state stays consistent.
 */
export function materializePolarHistory(customer: PolarCustomerRecord, plan: PolarHistoryPlan, catalog: PolarCatalog, random: Random): void {
  const { outcome, currency, seedNow } = plan;
  const latest = new Date(seedNow.getTime() - 3600 * 1000);
  if (outcome === 'canceled') {
    addEnded(customer, catalog, random, latest, currency);
    return;
  }
  // Some subscribers switched plans or came back after churning: an ended subscription precedes the current one.
  const returning = random.chance(0.15);
  const product = catalog.products.find((candidate) => candidate.id === plan.productId) as PolarProduct;
  const trialing = outcome === 'trialing';
  const interval = pickInterval(random, product);
  let startedAt: Date;
  let period: [Date, Date];
  if (trialing) {
    const earliest = new Date(Math.max(customer.createdAt.getTime(), latest.getTime() - (product.trialDays - 1) * DAY_MS));
    startedAt = between(random, earliest, latest);
    period = [startedAt, new Date(startedAt.getTime() + product.trialDays * DAY_MS)];
  } else {
    const window = returning ? latest.getTime() : Math.min(latest.getTime(), customer.createdAt.getTime() + 30 * DAY_MS);
    startedAt = between(random, customer.createdAt, new Date(window));
    period = periodAround(startedAt, interval, seedNow);
  }
  const cancelAtPeriodEnd = !trialing && outcome === 'active' && random.chance(0.12);
  const subscription: PolarSubscriptionRecord = {
    id: random.uuid(),
    createdAt: startedAt,
    modifiedAt: period[0].getTime() === startedAt.getTime() ? null : period[0],
    metadata: random.chance(0.3) ? { seats: random.int(1, customer.type === 'team' ? 40 : 1) } : {},
    status: trialing ? 'trialing' : outcome === 'past_due' ? 'past_due' : 'active',
    amount: product.prices[interval] ?? 0,
    currency,
    interval,
    currentPeriodStart: period[0],
    currentPeriodEnd: period[1],
    trialStart: trialing ? period[0] : null,
    trialEnd: trialing ? period[1] : null,
    cancelAtPeriodEnd,
    canceledAt: cancelAtPeriodEnd ? between(random, period[0], latest) : null,
    startedAt,
    endsAt: cancelAtPeriodEnd ? period[1] : null,
    productId: product.id,
    discountId: random.chance(0.1) ? random.uuid() : null,
    meters: [],
  };
  if (returning) addEnded(customer, catalog, random, startedAt, currency);
  customer.subscriptions.push(subscription);
  if (subscription.status === 'active' || subscription.status === 'trialing') grantPolarProduct(customer, subscription, product, catalog, random, latest);
}

/** A subscription that ran between the customer's creation and `until`, then ended. */
function addEnded(customer: PolarCustomerRecord, catalog: PolarCatalog, random: Random, until: Date, currency: string): void {
  const product = pickProduct(random, catalog, customer.type === 'team');
  const interval = pickInterval(random, product);
  const startedAt = between(random, customer.createdAt, until);
  const endedAt = between(random, startedAt, until);
  const [periodStart, periodEnd] = periodAround(startedAt, interval, endedAt);
  customer.subscriptions.push({
    id: random.uuid(),
    createdAt: startedAt,
    modifiedAt: endedAt,
    metadata: {},
    status: 'canceled',
    amount: product.prices[interval] ?? 0,
    currency,
    interval,
    currentPeriodStart: periodStart,
    currentPeriodEnd: periodEnd,
    trialStart: null,
    trialEnd: null,
    cancelAtPeriodEnd: true,
    canceledAt: between(random, periodStart, endedAt),
    startedAt,
    endsAt: endedAt,
    productId: product.id,
    discountId: null,
    meters: [],
  });
}
