import { getOperationAST, type DocumentNode, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { refusal } from '../graphql/errors';
import type { GraphContext } from '../context';
import type { AuthSettings, CallerRegistry } from './authentication';
import { rootFieldNames } from './root-fields';
import { anonymousCaller, mutationScopes, type Caller, type Scope } from '../caller';

/** Root fields anyone admitted may ask: they read no customer. */
const schemaFields = new Set(['__typename', '__schema', '__type', '_service', '_sdl']);

/**
 * Checks, before anything runs, that the caller holds every scope the operation needs; a missing one refuses the
 * whole operation (nothing is read or written) with `FORBIDDEN` naming the scope. In production `_service` (the
 * federation SDL) is answered only to a caller that presented a key or token.
 */
export function authorizationPlugin(options: { production: boolean; auth: AuthSettings; callers: CallerRegistry }): Plugin<GraphContext> {
  const refusals = (args: { contextValue: unknown; document: DocumentNode; operationName?: string | null }): GraphQLError[] => {
    const context = args.contextValue as GraphContext & {
      request?: Request;
      jwt?: { payload?: Record<string, unknown> };
      connectionParams?: Record<string, unknown>;
      req?: { headers?: Record<string, unknown> };
    };
    const caller =
      context.request === undefined
        ? options.callers.fromConnection(context.connectionParams?.authorization ?? context.req?.headers?.authorization, options.auth)
        : options.callers.resolve(context.request, options.auth, context.jwt?.payload);
    context.caller = caller ?? anonymousCaller;
    const operation = getOperationAST(args.document, args.operationName ?? undefined);
    if (operation == null) return [];
    const fields = rootFieldNames(operation, args.document);
    const problems = missingScopes(context.caller, operation.operation, fields);
    if (options.production && fields.has('_service') && context.caller.kind !== 'api-key' && context.caller.kind !== 'jwt') {
      problems.push(refusal('`_service` is answered only to callers with a key or token.', { code: 'FORBIDDEN' }));
    }
    return problems;
  };
  return {
    onExecute: ({ args, setResultAndStopExecution }) => {
      const problems = refusals(args);
      if (problems.length > 0) setResultAndStopExecution({ errors: problems });
    },
    // Subscriptions (SSE, graphql-ws) start here, not in onExecute: the same caller and the same scopes.
    onSubscribe: ({ args, setResultAndStopExecution }) => {
      const problems = refusals(args);
      if (problems.length > 0) setResultAndStopExecution({ errors: problems });
    },
  };
}

function missingScopes(caller: Caller, kind: 'query' | 'mutation' | 'subscription', fields: ReadonlySet<string>): GraphQLError[] {
  const needed = new Map<Scope, string[]>();
  const need = (scope: Scope, field: string) => needed.set(scope, [...(needed.get(scope) ?? []), field]);
  for (const field of fields) {
    if (field === '__typename' || (kind !== 'mutation' && schemaFields.has(field))) continue;
    if (kind === 'mutation') need(mutationScopes[field] ?? 'customers:write', field);
    else need('customers:read', field);
  }
  return [...needed]
    .filter(([scope]) => !caller.scopes.has(scope))
    .map(
      ([scope, names]) =>
        refusal(`The scope "${scope}" is needed for ${names.join(', ')}, and the caller "${caller.name}" does not have it.`, { code: 'FORBIDDEN', scope }),
    );
}
