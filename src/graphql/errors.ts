import { type ASTNode, GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { responsePathAsArray } from 'graphql';
import type { GraphContext } from '../context';
import { ProviderError } from '../providers/spec/errors';
import { RequestError } from '../routing/request-error';
import { StateUnavailableError } from '../state/state-errors';
import { UpstreamBudgetExceededError } from '../request-scope';

/** Stable `extensions.code` for a provider failure, e.g. `PROVIDER_TIMEOUT`. */
export function providerErrorCode(error: ProviderError): string {
  return `PROVIDER_${error.code}`;
}

/** A provider failure as a GraphQL error: a safe message and the facts a client acts on, never a secret. */
export function providerGraphQLError(error: ProviderError, path?: readonly (string | number)[]): GraphQLError {
  return new GraphQLError(`${error.provider}: ${error.message}`, {
    path,
    extensions: {
      code: providerErrorCode(error),
      provider: error.provider,
      status: error.status,
      providerCode: error.providerCode,
      retryable: error.retryable,
    },
  });
}

/** A request refused below the graph (bad id, cursor, filter) as the GraphQL error a client reads. */
export function requestGraphQLError(error: RequestError, path?: readonly (string | number)[]): GraphQLError {
  return new GraphQLError(error.message, { path, extensions: { code: error.code, ...error.details } });
}

/**
 * Yoga's mask: our own GraphQL errors pass, provider failures become coded errors, anything else is masked
 * to "Unexpected error." (its detail goes to the log, not to the client).
 */
export function maskError(error: unknown, message: string): Error {
  if (error instanceof GraphQLError) {
    const original = error.originalError;
    if (original instanceof ProviderError || original instanceof UpstreamBudgetExceededError) {
      const masked = original instanceof ProviderError ? providerGraphQLError(original, error.path) : budgetGraphQLError(original, error.path);
      return new GraphQLError(masked.message, { nodes: error.nodes, path: error.path, extensions: masked.extensions });
    }
    if (original instanceof RequestError) return new GraphQLError(original.message, { nodes: error.nodes, path: error.path, extensions: { code: original.code, ...original.details } });
    if (original instanceof StateUnavailableError) {
      return new GraphQLError(original.message, { nodes: error.nodes, path: error.path, extensions: { code: original.code, retryable: true } });
    }
    if (original === undefined || original === null || original instanceof GraphQLError) return error;
    console.error('unexpected error', original);
    return new GraphQLError(message, { nodes: error.nodes, path: error.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }
  if (error instanceof ProviderError) return providerGraphQLError(error);
  if (error instanceof RequestError) return requestGraphQLError(error);
  if (error instanceof StateUnavailableError) return new GraphQLError(error.message, { extensions: { code: error.code, retryable: true } });
  if (error instanceof UpstreamBudgetExceededError) return budgetGraphQLError(error);
  const requestMistake = describeRequestMistake(error);
  if (requestMistake !== null) return new GraphQLError(requestMistake, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  console.error('unexpected error', error);
  return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

/**
 * Outside execution (no GraphQLError around it), a SyntaxError can only come from reading the request's JSON
 * (`?variables={`) and a stack overflow only from a document or variables nested past what can be walked: the
 * caller's mistake, said as such.
 */
function describeRequestMistake(error: unknown): string | null {
  if (error instanceof SyntaxError) return 'The request holds malformed JSON (query, variables or extensions).';
  if (error instanceof RangeError && /call stack/i.test(error.message)) return 'The request is nested too deeply to read.';
  return null;
}

/** Records a provider failure next to data the other providers returned; it reaches the response's `errors`. */
export function reportPartialError(context: GraphContext, info: GraphQLResolveInfo, error: unknown): void {
  const path = responsePathAsArray(info.path);
  if (error instanceof StateUnavailableError) {
    context.partialErrors.push(new GraphQLError(error.message, { path, extensions: { code: error.code, retryable: true } }));
    return;
  }
  context.partialErrors.push(
    error instanceof ProviderError
      ? providerGraphQLError(error, path)
      : error instanceof UpstreamBudgetExceededError
        ? budgetGraphQLError(error, path)
        : (maskError(error, 'Unexpected error.') as GraphQLError),
  );
}

/** Throws the error as a field error: coded when it comes from a provider. */
export function rethrow(error: unknown): never {
  if (error instanceof RequestError) throw requestGraphQLError(error);
  throw error instanceof ProviderError ? providerGraphQLError(error) : error;
}

/** A call refused because the request used its whole upstream budget: the field is null, the reason is plain. */
export function budgetGraphQLError(error: UpstreamBudgetExceededError, path?: readonly (string | number)[]): GraphQLError {
  return new GraphQLError(error.message, { path, extensions: { code: error.code, limit: error.budget } });
}

/** A refusal the front door makes before execution (a scope, a budget, a limit): a GraphQL error with its code and facts. */
export function refusal(message: string, extensions: Record<string, unknown>, nodes?: readonly ASTNode[]): GraphQLError {
  return new GraphQLError(message, { extensions, ...(nodes === undefined ? {} : { nodes }) });
}
