import type { Plugin } from 'graphql-yoga';
import type { GraphContext } from '../context';
import { runInRequestScope } from '../request-scope';

/**
 * Runs each operation inside its request's scope, so the HTTP layer counts every upstream call against this
 * request and the last-line handler can name the request behind a stray rejection.
 */
export function requestScopePlugin(): Plugin<GraphContext> {
  const scoped = (context: GraphContext) => ({ requestId: context.requestId, upstreamCalls: context.upstreamCalls });
  return {
    onExecute: ({ args, executeFn, setExecuteFn }) => {
      const context = args.contextValue as GraphContext;
      setExecuteFn((executeArgs) => runInRequestScope(scoped(context), () => executeFn(executeArgs)));
    },
    onSubscribe: ({ args, subscribeFn, setSubscribeFn }) => {
      const context = args.contextValue as GraphContext;
      setSubscribeFn((subscribeArgs) => runInRequestScope(scoped(context), () => subscribeFn(subscribeArgs)));
    },
  };
}
