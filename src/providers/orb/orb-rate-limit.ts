import type { PublishedRateLimit } from '../kit/rate-budget';

/**
 * docs.withorb.com/reference/rate-limits: GET requests 100 queries/s in live mode (50 in test mode), writes
 * unlimited in live mode (100/s in test mode); analytics endpoints 10/s. One budget covers the customer reads and
 * writes the gateway makes, at the read limit. A 429 is RFC 7807 `#429-too-many-requests`; Retry-After is not
 * documented (the SDK honours it when present). Test-mode keys: set `ORB_RATE_LIMIT=50`.
 */
export const orbRateLimit: PublishedRateLimit = {
  perSecond: 100,
  burst: 10,
  source: 'https://docs.withorb.com/reference/rate-limits',
};
