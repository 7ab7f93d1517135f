import type { PublishedRateLimit } from '../kit/rate-budget';

/**
 * Synctera publishes no numeric limit (dev.synctera.com error catalogue: TOO_MANY_REQUESTS, 429
 * `too-many-requests`, an optional body field `retry_after` in seconds, "not guaranteed"); limits are agreed per
 * program. So no fixed budget: a 429 teaches the budget the rate, and it waits out `retry_after` when given.
 * Set `SYNCTERA_RATE_LIMIT` to your program's agreed rate.
 */
export const syncteraRateLimit: PublishedRateLimit = {
  perSecond: null,
  burst: 1,
  source: 'https://dev.synctera.com/docs/errors (TOO_MANY_REQUESTS)',
};
