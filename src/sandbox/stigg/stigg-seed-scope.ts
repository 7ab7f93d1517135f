import type { Random } from '../shared/random';
import { planOrThrow, type StiggPlan } from './stigg-catalog';
import type { StiggEntitlementScope, StiggResourceRecord } from './stigg-types';

const RESOURCE_NAMES = ['main', 'staging', 'analytics', 'eu', 'marketing', 'research', 'sandbox'];

/**
 * A subscription with usage and credits. Most usage sits below the limits; about one in eight customers is at
 * its seat limit and one in twenty over its API-call allowance, so checks deny for real reasons.
 */
export function seedScope(plan: StiggPlan | null, startedAt: Date, random: Random, seedNowMs: number, withCredits: boolean): StiggEntitlementScope {
  if (plan === null) return { subscription: null, usage: {}, credits: null };
  const usage: Record<string, number> = {};
  for (const grant of plan.grants) {
    if (grant.values !== undefined || grant.usageLimit === undefined) continue;
    usage[grant.featureId] = seedUsage(grant.featureId, grant.usageLimit, random);
  }
  let credits: StiggEntitlementScope['credits'] = null;
  if (withCredits && plan.monthlyCredits > 0) {
    const granted = plan.monthlyCredits + (random.chance(0.2) ? random.pick([500, 1_000, 5_000]) : 0);
    const consumed = random.chance(0.1) ? granted : Math.floor(granted * random.next());
    const updatedAt = new Date(startedAt.getTime() + Math.floor(random.next() * Math.max(0, seedNowMs - startedAt.getTime())));
    credits = { currencyId: 'ai-credits', granted, consumed, updatedAt };
  }
  return { subscription: { planId: plan.id, startedAt }, usage, credits };
}

function seedUsage(featureId: string, limit: number | null, random: Random): number {
  if (featureId === 'feature-seats') {
    if (limit === null) return random.int(20, 400);
    return random.chance(0.12) ? limit : random.int(1, Math.max(1, limit - 1));
  }
  if (limit === null) return random.int(100_000, 5_000_000);
  if (random.chance(0.05)) return limit + random.int(1, Math.ceil(limit * 0.2));
  return Math.floor(limit * random.next() * 0.95);
}

/** Workspaces of larger customers, each on its own subscription (per-resource entitlements). */
export function seedResources(customerCreatedAtMs: number, random: Random, seedNowMs: number): StiggResourceRecord[] {
  if (!random.chance(0.35)) return [];
  const count = random.int(1, 3);
  const names = new Set<string>();
  while (names.size < count) names.add(random.pick(RESOURCE_NAMES));
  const resources = [...names].map((name, index): StiggResourceRecord => {
    const createdAtMs = customerCreatedAtMs + Math.floor(random.next() * Math.max(0, seedNowMs - customerCreatedAtMs));
    const createdAt = new Date(createdAtMs);
    const scope = seedScope(planOrThrow(random.pick(['plan-starter', 'plan-pro'])), createdAt, random, seedNowMs, false);
    return { id: `workspace-${name}`, sequence: index, createdAtMs, createdAt, updatedAt: createdAt, ...scope };
  });
  return resources.sort((left, right) => right.createdAtMs - left.createdAtMs || right.sequence - left.sequence);
}
