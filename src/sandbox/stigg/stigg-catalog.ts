/**
 * The product catalogue the simulated Stigg environment is configured with: features, one credit currency and
 * four plans. Entitlements are computed from these at request time, so changing a limit here changes answers.
 */

export type StiggFeatureType = 'BOOLEAN' | 'NUMBER' | 'ENUM';
export type StiggResetPeriod = 'YEAR' | 'MONTH' | 'WEEK' | 'DAY' | 'HOUR';

export interface StiggFeature {
  id: string;
  displayName: string;
  featureStatus: 'NEW' | 'SUSPENDED' | 'ACTIVE';
  featureType: StiggFeatureType;
  /** NUMBER features only: usage starts again each period. */
  resetPeriod?: StiggResetPeriod;
  /** ENUM features only: every value any plan may grant. */
  values?: readonly string[];
}

export interface StiggCurrency {
  currencyId: string;
  displayName: string;
  description: string | null;
  unitSingular: string | null;
  unitPlural: string | null;
}

export interface StiggPlanGrant {
  featureId: string;
  /** NUMBER: the limit, `null` for unlimited usage. */
  usageLimit?: number | null;
  /** ENUM: the values this plan allows. */
  values?: readonly string[];
}

export interface StiggPlan {
  id: string;
  displayName: string;
  grants: readonly StiggPlanGrant[];
  /** Credits granted each month with the subscription; 0 = no credit entitlement. */
  monthlyCredits: number;
}

const REGIONS = ['us-east', 'eu-west', 'ap-southeast', 'sa-east'] as const;

export const STIGG_FEATURES: readonly StiggFeature[] = [
  { id: 'feature-sso', displayName: 'Single sign-on', featureStatus: 'ACTIVE', featureType: 'BOOLEAN' },
  { id: 'feature-audit-log', displayName: 'Audit log', featureStatus: 'ACTIVE', featureType: 'BOOLEAN' },
  { id: 'feature-priority-support', displayName: 'Priority support', featureStatus: 'ACTIVE', featureType: 'BOOLEAN' },
  // In the catalogue but in no plan yet: every check answers NoFeatureEntitlementInSubscription.
  { id: 'feature-beta-dashboard', displayName: 'Beta dashboard', featureStatus: 'NEW', featureType: 'BOOLEAN' },
  { id: 'feature-seats', displayName: 'Seats', featureStatus: 'ACTIVE', featureType: 'NUMBER' },
  { id: 'feature-api-calls', displayName: 'API calls', featureStatus: 'ACTIVE', featureType: 'NUMBER', resetPeriod: 'MONTH' },
  { id: 'feature-regions', displayName: 'Data regions', featureStatus: 'ACTIVE', featureType: 'ENUM', values: REGIONS },
];

export const STIGG_CURRENCIES: readonly StiggCurrency[] = [
  { currencyId: 'ai-credits', displayName: 'AI credits', description: 'Credits spent on AI generations', unitSingular: 'credit', unitPlural: 'credits' },
];

export const STIGG_PLANS: readonly StiggPlan[] = [
  {
    id: 'plan-free',
    displayName: 'Free',
    monthlyCredits: 50,
    grants: [
      { featureId: 'feature-seats', usageLimit: 3 },
      { featureId: 'feature-api-calls', usageLimit: 1_000 },
      { featureId: 'feature-regions', values: ['us-east'] },
    ],
  },
  {
    id: 'plan-starter',
    displayName: 'Starter',
    monthlyCredits: 1_000,
    grants: [
      { featureId: 'feature-audit-log' },
      { featureId: 'feature-seats', usageLimit: 10 },
      { featureId: 'feature-api-calls', usageLimit: 50_000 },
      { featureId: 'feature-regions', values: ['us-east', 'eu-west'] },
    ],
  },
  {
    id: 'plan-pro',
    displayName: 'Pro',
    monthlyCredits: 10_000,
    grants: [
      { featureId: 'feature-sso' },
      { featureId: 'feature-audit-log' },
      { featureId: 'feature-seats', usageLimit: 50 },
      { featureId: 'feature-api-calls', usageLimit: 500_000 },
      { featureId: 'feature-regions', values: ['us-east', 'eu-west', 'ap-southeast'] },
    ],
  },
  {
    id: 'plan-enterprise',
    displayName: 'Enterprise',
    monthlyCredits: 100_000,
    grants: [
      { featureId: 'feature-sso' },
      { featureId: 'feature-audit-log' },
      { featureId: 'feature-priority-support' },
      { featureId: 'feature-seats', usageLimit: null },
      { featureId: 'feature-api-calls', usageLimit: null },
      { featureId: 'feature-regions', values: REGIONS },
    ],
  },
];

const FEATURES_BY_ID = new Map(STIGG_FEATURES.map((feature) => [feature.id, feature]));
const CURRENCIES_BY_ID = new Map(STIGG_CURRENCIES.map((currency) => [currency.currencyId, currency]));
const PLANS_BY_ID = new Map(STIGG_PLANS.map((plan) => [plan.id, plan]));

export function findFeature(id: string): StiggFeature | undefined {
  return FEATURES_BY_ID.get(id);
}

export function findCurrency(id: string): StiggCurrency | undefined {
  return CURRENCIES_BY_ID.get(id);
}

export function findPlan(id: string): StiggPlan | undefined {
  return PLANS_BY_ID.get(id);
}

export function planOrThrow(id: string): StiggPlan {
  const plan = PLANS_BY_ID.get(id);
  if (plan === undefined) throw new Error(`unknown Stigg plan ${id}`);
  return plan;
}
