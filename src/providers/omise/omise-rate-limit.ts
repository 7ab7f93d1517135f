import type { PublishedRateLimit } from '../kit/rate-budget';

/**
 * docs.opn.ooo/api-rate-limiting (and omise.co/api-rate-limiting): limits by IP and by account, "short bursts and
 * spikes" allowed, then "reduced to our baseline"; no number and no Retry-After are published. So no fixed budget:
 * the first 429 teaches the budget the rate that was too much, and it runs below that, recovering over time.
 * Set `OMISE_RATE_LIMIT` once Omise tells you your account's limit.
 */
export const omiseRateLimit: PublishedRateLimit = {
  perSecond: null,
  burst: 1,
  source: 'https://docs.opn.ooo/api-rate-limiting/thailand',
};
