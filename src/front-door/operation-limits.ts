import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { refusal } from '../graphql/errors';
import type { OperationLimits } from './options';

/**
 * Depth, aliases, tokens, directives and cost, enforced by graphql-armor before execution. Refusals name the
 * limit and carry yoga's own codes: `GRAPHQL_PARSE_FAILED` for tokens (counted while parsing), and
 * `GRAPHQL_VALIDATION_FAILED` for the rest, every exceeded limit reported at once.
 * `blockSuggestions` strips "Did you mean …" (production, where the schema is not published).
 */
export function operationLimitsPlugin(limits: OperationLimits, options: { blockSuggestions: boolean }): Plugin {
  // Reported as validation errors rather than thrown: a thrown one would reach the client without a code.
  const report = { propagateOnRejection: false, onReject: [reportAsValidationError], exposeLimits: true };
  return EnvelopArmorPlugin({
    maxDepth: { n: limits.depth, flattenFragments: true, ...report },
    maxAliases: { n: limits.aliases, ...report },
    maxTokens: { n: limits.tokens, exposeLimits: true },
    maxDirectives: { n: limits.directives, ...report },
    costLimit: { maxCost: limits.cost, ...report },
    blockFieldSuggestion: { enabled: options.blockSuggestions },
  }) as Plugin;
}

function reportAsValidationError(context: ValidationContext | null, error: GraphQLError): void {
  context?.reportError(refusal(error.message.replace(/^Syntax Error: /, ''), { code: 'GRAPHQL_VALIDATION_FAILED' }));
}
