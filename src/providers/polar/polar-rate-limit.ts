import type { PublishedRateLimit } from '../kit/rate-budget';

/**
 * docs.polar.sh/api-reference/rate-limits: "100 requests per second per IP address"; a 429 carries Retry-After
 * (seconds, empty body). Polar's server code (server/polar/rate_limit.py) and its newer API introduction give
 * per-token groups instead: 500 requests/minute by default in production, 100/minute on sandbox-api. We budget
 * the published 100/s and let a 429 slow us down; set `POLAR_RATE_LIMIT` (e.g. 8 for 500/min, 1.6 on Polar's
 * sandbox) to stay under the per-token limit from the start.
 */
export const polarRateLimit: PublishedRateLimit = {
  perSecond: 100,
  burst: 10,
  source: 'https://docs.polar.sh/api-reference/rate-limits',
};
