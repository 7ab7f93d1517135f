/** What a caller may do: read customers, change them, or delete and archive them. */
export type Scope = 'customers:read' | 'customers:write' | 'customers:delete';

export const allScopes: readonly Scope[] = ['customers:read', 'customers:write', 'customers:delete'];

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (allScopes as readonly string[]).includes(value);
}

/** Who is calling, as the front door established it. */
export interface Caller {
  /**
   * `api-key` and `jwt` callers proved who they are; `open` (development) and `auth-off` did not need to;
   * `anonymous` holds no scope (a context not yet past the front door).
   */
  kind: 'api-key' | 'jwt' | 'open' | 'auth-off' | 'anonymous';
  /** The key's name or the token's subject; never the secret. */
  name: string;
  scopes: ReadonlySet<Scope>;
}

export const anonymousCaller: Caller = { kind: 'anonymous', name: 'anonymous', scopes: new Set() };

/** The scope each mutation needs; queries and subscriptions need `customers:read`. */
export const mutationScopes: Readonly<Record<string, Scope>> = {
  createCustomer: 'customers:write',
  updateCustomer: 'customers:write',
  unarchiveCustomer: 'customers:write',
  syncPaymentMethods: 'customers:write',
  deleteCustomer: 'customers:delete',
  archiveCustomer: 'customers:delete',
};
