import type { Logger } from '../logger';
import { requestOfError } from '../request-scope';

/**
 * The last line: a promise rejection nobody handled is logged with the request that caused it, and the process
 * keeps serving. The sources are fixed where found (lists settle every item); this only keeps one missed case
 * from ending every other caller's request.
 */
export function keepServingOnUnhandledRejection(logger: Logger): () => void {
  const listener = (reason: unknown) => {
    const requestId = requestOfError(reason) ?? 'unknown';
    const error = reason instanceof Error ? `${reason.name}: ${reason.message}` : 'a non-error value';
    logger.warn(`unhandled rejection (request ${requestId}): ${error}`);
  };
  process.on('unhandledRejection', listener);
  return () => process.off('unhandledRejection', listener);
}
