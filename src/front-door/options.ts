import { randomBytes } from 'node:crypto';
import type { AuthSettings } from './authentication';

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
  /** `NODE_ENV=production`: introspection, `_sdl`, suggestions and GraphiQL off unless turned on; no base URLs shown. */
  production: boolean;
  auth: AuthSettings;
  limits: OperationLimits;
  /** Origins allowed cross-origin access (`CORS_ORIGINS`); empty: none. */
  corsOrigins: readonly string[];
  /** Largest request body in bytes. @default 1048576 (env `BODY_LIMIT_BYTES`) */
  bodyLimitBytes: number;
  /** @default on in development, off in production (env `GRAPHIQL`) */
  graphiql: boolean;
  /** Introspection and `_sdl`. @default on in development, off in production (env `INTROSPECTION`) */
  introspection: boolean;
  /** Hash → document: when set, only these run (env `TRUSTED_DOCUMENTS`, a file). */
  trustedDocuments: ReadonlyMap<string, string> | null;
  /** Signs list cursors; instances that share it accept each other's cursors. (env `CURSOR_SECRET`) */
  cursorSecret: string;
}

/** The development defaults, with what the caller gives laid over them; a cursor secret of this process's own when none is given. */
export function frontDoorOptions(given: Partial<FrontDoorOptions> = {}): FrontDoorOptions {
  const production = given.production ?? false;
  return {
    production,
    auth: given.auth ?? { mode: 'open', apiKeys: [], jwt: null },
    limits: { ...defaultLimits, ...given.limits },
    corsOrigins: given.corsOrigins ?? [],
    bodyLimitBytes: given.bodyLimitBytes ?? 1_048_576,
    graphiql: given.graphiql ?? !production,
    introspection: given.introspection ?? !production,
    trustedDocuments: given.trustedDocuments ?? null,
    cursorSecret: given.cursorSecret ?? randomBytes(32).toString('base64url'),
  };
}
