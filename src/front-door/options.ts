/** How much one operation may ask for. Every limit has an environment variable (see `src/config.ts`). */
export interface OperationLimits {
  /** Deepest selection. @default 8 (env `MAX_DEPTH`) */
  depth: number;
  /** Aliases in one operation. @default 15 (env `MAX_ALIASES`) */
  aliases: number;
  /** Tokens in one document. @default 1000 (env `MAX_TOKENS`) */
  tokens: number;
  /** Directives in one operation. @default 50 (env `MAX_DIRECTIVES`) */
  directives: number;
  /** graphql-armor's cost (objects 2, scalars 1, ×1.5 per level). @default 5000 (env `MAX_COST`) */
  cost: number;
  /** Upstream calls one operation may cause: estimated before execution, then counted. @default 200 (env `UPSTREAM_CALL_BUDGET`) */
  upstreamCalls: number;
}

export const defaultLimits: OperationLimits = {
  depth: 8,
  aliases: 15,
  tokens: 1000,
  directives: 50,
  cost: 5000,
  upstreamCalls: 200,
};

/** Everything the front door decides before a resolver runs. */
export interface FrontDoorOptions {
  limits: OperationLimits;
}

export function frontDoorOptions(given: Partial<FrontDoorOptions> = {}): FrontDoorOptions {
  return { limits: { ...defaultLimits, ...given.limits } };
}
