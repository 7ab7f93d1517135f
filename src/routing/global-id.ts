import type { RequestError } from './request-error';
import { badUserInput } from './bad-user-input';
import { identifierProblem } from './identifier-rules';
import type { ProviderDirectory } from './provider-directory';

/** A customer's address in the gateway: which provider, and its id there. */
export interface CustomerKey {
  provider: string;
  id: string;
}

export function formatGlobalId(key: CustomerKey): string {
  return `${key.provider}:${key.id}`;
}

/**
 * Reads a global ID `<provider>:<native id>`. A native id whose shape names one provider on its own
 * (Omise `cust_…`) is accepted without a prefix; anything else is an error that lists the valid prefixes,
 * because UUIDs (Polar, Synctera) and free strings (Stigg) cannot be told apart by shape.
 */
export function parseGlobalId(value: string, directory: ProviderDirectory): CustomerKey {
  // An empty value falls through to "no provider prefix", the more useful thing to say.
  const problem = value === '' ? null : identifierProblem(value);
  if (problem !== null) throw invalidId(value, directory, problem);
  const separator = value.indexOf(':');
  if (separator > 0) {
    const prefix = value.slice(0, separator);
    const id = value.slice(separator + 1);
    if (directory.find(prefix) !== undefined) {
      if (id === '') throw invalidId(value, directory, `the native id after "${prefix}:" is empty`);
      const native = identifierProblem(id);
      if (native !== null) throw invalidId(value, directory, `the native id after "${prefix}:" is not valid: ${native}`);
      return { provider: prefix, id };
    }
  }
  const byShape = directory.providers().filter((provider) => provider.nativeIdPattern?.test(value));
  if (byShape.length === 1 && byShape[0] !== undefined) return { provider: byShape[0].name, id: value };
  const reason = separator > 0 ? `unknown prefix "${value.slice(0, separator)}"` : 'it has no provider prefix';
  throw invalidId(value, directory, reason);
}

function invalidId(value: string, directory: ProviderDirectory, reason: string): RequestError {
  const shapes = directory
    .providers()
    .filter((provider) => provider.nativeIdPattern !== undefined)
    .map((provider) => provider.displayName);
  const unprefixed = shapes.length > 0 ? ` ${shapes.join(', ')} ids are also accepted without a prefix.` : '';
  return badUserInput(
    `Invalid customer ID ${quote(value)}: ${reason}. Use "<provider>:<native id>" with one of the prefixes ${directory.names.join(', ')}.${unprefixed}`,
    'INVALID_ID',
    { validPrefixes: directory.names },
  );
}

/** The id as the caller sent it, shortened, with anything unprintable escaped so an error message stays one clean line. */
function quote(value: string): string {
  const short = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  // eslint-disable-next-line no-control-regex
  return JSON.stringify(short).replace(/[\u007f-\u009f\ud800-\udfff]/gu, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
