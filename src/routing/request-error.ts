/**
 * A request the gateway refuses before asking any provider: a bad id, cursor or filter. The graph turns it into
 * a GraphQL error whose `extensions` are `code` plus `details`; only `src/graphql/` builds GraphQL errors.
 */
export class RequestError extends Error {
  readonly kind = 'RequestError';

  constructor(
    /** Stable, machine-readable: `INVALID_ID`, `INVALID_CURSOR`, `UNSUPPORTED_FILTER`, … */
    readonly code: string,
    message: string,
    /** Further facts a client acts on, e.g. the valid ID prefixes. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RequestError';
  }
}
