import { RequestError } from './request-error';

/**
 * A client mistake: always `extensions.code: "BAD_USER_INPUT"`, so clients and dashboards tell it from a server
 * fault at a glance; `reason` says which mistake (e.g. `INVALID_ID`, `INVALID_CURSOR`) for code that branches on it.
 * Built as a `RequestError`: only `src/graphql/` turns it into a GraphQL error.
 */
export function badUserInput(message: string, reason?: string, details: Record<string, unknown> = {}): RequestError {
  return new RequestError('BAD_USER_INPUT', message, { ...(reason === undefined ? {} : { reason }), ...details });
}
