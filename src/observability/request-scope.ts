import { AsyncLocalStorage } from 'node:async_hooks';

/** What the gateway learns about one HTTP request while it runs, for its log line. */
export interface RequestScope {
  requestId: string;
  startedAt: number;
  /** Attempts sent to each provider (retries included), as the provider's request log would count them. */
  upstreamCalls: Record<string, number>;
  operationName: string | null;
  operationType: string | null;
  caller: string | null;
  errorCodes: Set<string>;
  /** False for requests that are not GraphQL operations (GraphiQL's page, health checks). */
  isOperation: boolean;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function createRequestScope(requestId: string): RequestScope {
  return { requestId, startedAt: performance.now(), upstreamCalls: {}, operationName: null, operationType: null, caller: null, errorCodes: new Set(), isOperation: false };
}

/** Runs a request's pipeline with its scope, so upstream calls made on its behalf are counted against it. */
export function runInRequestScope<T>(scope: RequestScope, run: () => T): T {
  return storage.run(scope, run);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
