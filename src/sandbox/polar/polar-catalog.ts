import type { Random } from '../shared/random';
import type { PolarInterval, PolarMetadata } from './polar-types';

/** The organization's products, benefits and meters: fixed per seed, shared by every customer. */

export type PolarBenefitType = 'feature_flag' | 'meter_credit' | 'license_keys' | 'custom' | 'downloadables';

export interface PolarBenefit {
  id: string;
  type: PolarBenefitType;
  /** The benefit's own metadata, echoed in grants as `benefit_metadata`; `feature_id` names the feature it unlocks. */
  metadata: PolarMetadata;
  /** meter_credit only: the meter credited and the units per billing period. */
  meterId?: string;
  units?: number;
}

export interface PolarMeter {
  id: string;
  name: string;
  /** Storage is measured in fractional gigabytes; requests are whole. */
  fractional: boolean;
}

export interface PolarProduct {
  id: string;
  name: string;
  /** Price per interval, in cents. */
  prices: Partial<Record<PolarInterval, number>>;
  benefitIds: string[];
  /** Subscriptions to it carry a metered price on this meter (overage billed in arrears). */
  meteredMeterId: string | null;
  trialDays: number;
}

export interface PolarCatalog {
  organizationId: string;
  meters: { apiRequests: PolarMeter; storage: PolarMeter };
  benefits: Map<string, PolarBenefit>;
  products: PolarProduct[];
}

export function createPolarCatalog(random: Random): PolarCatalog {
  const organizationId = random.uuid();
  const apiRequests: PolarMeter = { id: random.uuid(), name: 'API requests', fractional: false };
  const storage: PolarMeter = { id: random.uuid(), name: 'Storage GB', fractional: true };
  const benefits = new Map<string, PolarBenefit>();
  const benefit = (type: PolarBenefitType, metadata: PolarMetadata, credit?: { meter: PolarMeter; units: number }): string => {
    const id = random.uuid();
    benefits.set(id, { id, type, metadata, meterId: credit?.meter.id, units: credit?.units });
    return id;
  };
  const credits = (featureId: string, name: string, meter: PolarMeter, units: number) =>
    benefit('meter_credit', { feature_id: featureId, name }, { meter, units });

  const analytics = benefit('feature_flag', { feature_id: 'advanced_analytics', name: 'Advanced analytics' });
  const prioritySupport = benefit('feature_flag', { feature_id: 'priority_support', name: 'Priority support' });
  const singleSignOn = benefit('feature_flag', { feature_id: 'sso', name: 'Single sign-on' });
  const desktopLicense = benefit('license_keys', { feature_id: 'desktop_app', name: 'Desktop app license' });
  const assetPack = benefit('downloadables', { feature_id: 'brand_assets', name: 'Brand asset pack' });
  const onboarding = benefit('custom', { feature_id: 'onboarding_call', name: 'Onboarding call' });
  // A benefit without a feature_id, as merchants often leave them: consumers fall back to the benefit id.
  const community = benefit('custom', {});

  const products: PolarProduct[] = [
    {
      id: random.uuid(),
      name: 'Sprint',
      prices: { week: 500 },
      benefitIds: [credits('api_requests', 'API requests', apiRequests, 5_000), community],
      meteredMeterId: null,
      trialDays: 0,
    },
    {
      id: random.uuid(),
      name: 'Starter',
      prices: { month: 900, year: 9_000 },
      benefitIds: [credits('api_requests', 'API requests', apiRequests, 10_000), credits('storage_gb', 'Storage', storage, 10), community],
      meteredMeterId: null,
      trialDays: 14,
    },
    {
      id: random.uuid(),
      name: 'Pro',
      prices: { month: 2_900, year: 29_000 },
      benefitIds: [
        credits('api_requests', 'API requests', apiRequests, 100_000),
        credits('storage_gb', 'Storage', storage, 100),
        analytics,
        prioritySupport,
        desktopLicense,
        assetPack,
        community,
      ],
      meteredMeterId: null,
      trialDays: 14,
    },
    {
      id: random.uuid(),
      name: 'Business',
      prices: { month: 9_900, year: 99_000 },
      benefitIds: [
        credits('api_requests', 'API requests', apiRequests, 1_000_000),
        credits('storage_gb', 'Storage', storage, 1_000),
        analytics,
        prioritySupport,
        singleSignOn,
        desktopLicense,
        assetPack,
        onboarding,
      ],
      meteredMeterId: apiRequests.id,
      trialDays: 30,
    },
  ];
  return { organizationId, meters: { apiRequests, storage }, benefits, products };
}
