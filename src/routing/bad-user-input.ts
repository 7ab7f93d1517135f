import { GraphQLError } from 'graphql';

/**
 * A client mistake: always `extensions.code: "BAD_USER_INPUT"`, so clients and dashboards tell it from a server
 * fault at a glance; `reason` says which mistake (e.g. `INVALID_ID`, `INVALID_CURSOR`) for code that branches on it.
 */
export function badUserInput(message: string, reason?: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(reason === undefined ? {} : { reason }), ...details } });
}
