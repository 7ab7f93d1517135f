import type { CORSOptions } from 'graphql-yoga';

type CorsSetting = false | ((request: Request) => CORSOptions);

/**
 * Cross-origin access only for the origins in `CORS_ORIGINS`, and never with credentials (callers authenticate
 * with a bearer header, not cookies). Any other origin, `null` included, gets no CORS headers at all, so a
 * browser keeps the answer from the page that asked.
 */
export function corsOptions(allowed: readonly string[]): CorsSetting {
  if (allowed.length === 0) return false;
  const origins = new Set(allowed);
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !origins.has(origin)) return false;
    return {
      origin: [origin],
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'x-graphql-yoga-csrf', 'x-request-id'],
      maxAge: 600,
    };
  };
}
