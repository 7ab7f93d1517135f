import { isPlainObject, parseJsonBody, type SandboxResponse } from '../shared/sandbox-http';
import { invalidArgument } from './stigg-errors';
import type { StiggCustomerStore } from './stigg-store';

/** What the route handlers share. */
export interface StiggRouteContext {
  store: StiggCustomerStore;
  now(): Date;
}

export type BodyResult = { ok: true; body: Record<string, unknown> } | { ok: false; response: SandboxResponse };

/** A JSON object body; an empty body counts as `{}`. Anything else is Stigg's 400. */
export function objectBody(body: string): BodyResult {
  const parsed = parseJsonBody(body);
  if (parsed === undefined) return { ok: true, body: {} };
  if (parsed instanceof SyntaxError) return { ok: false, response: invalidArgument(`Malformed JSON body: ${parsed.message}`) };
  return isPlainObject(parsed) ? { ok: true, body: parsed } : { ok: false, response: invalidArgument('body must be a JSON object') };
}

/** A non-empty query value, or undefined. */
export function queryValue(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  return value === null || value === '' ? undefined : value;
}
