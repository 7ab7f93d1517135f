import type { PublishedRateLimit } from '../kit/rate-budget';

/**
 * docs.stigg.io/api-and-sdks/integration/rate-limits (per API key, per operation, per minute): getCustomer 3,000
 * (50/s), provisionCustomer, updateCustomer and archiveCustomer 250 (about 4/s); entitlement reads through the
 * Edge API 6,000 per minute, shared. One budget at the customer-read limit; a write burst beyond 250/min is
 * answered 429, and the budget slows down from there. Edge 429s carry no Retry-After.
 */
export const stiggRateLimit: PublishedRateLimit = {
  perSecond: 50,
  burst: 5,
  source: 'https://docs.stigg.io/api-and-sdks/integration/rate-limits',
};
