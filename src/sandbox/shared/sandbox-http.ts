import type { IncomingHttpHeaders } from 'node:http';

/** A request as a simulator sees it: the path below its prefix, the raw query and the unparsed body. */
export interface SandboxRequest {
  method: string;
  /** Below the provider prefix, e.g. `/v1/customers/abc` for `/orb/v1/customers/abc`; still percent-encoded. */
  path: string;
  /** The query string without `?`, exactly as sent. */
  rawQuery: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON (content type `application/json` unless `headers` say otherwise). */
  json?: unknown;
  /** Sent as is; give a content type in `headers`. */
  text?: string;
  /** Internal, never sent: a stored idempotent answer was replayed, so nothing changed (no webhook). */
  replayed?: boolean;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): SandboxResponse {
  return { status, json: body, headers };
}

export function empty(status: number, headers?: Record<string, string>): SandboxResponse {
  return { status, headers };
}

/** Parses a JSON body; `undefined` for an empty body, and a `SyntaxError` instance for malformed JSON. */
export function parseJsonBody(body: string): unknown {
  if (body.trim() === '') return undefined;
  try {
    return JSON.parse(body);
  } catch (error) {
    return error instanceof SyntaxError ? error : new SyntaxError(String(error));
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the credential after a scheme (`Bearer x`, `Basic x`); null when missing or empty. */
export function credential(headers: IncomingHttpHeaders, scheme: 'Bearer' | 'Basic'): string | null {
  const value = headers.authorization;
  if (typeof value !== 'string') return null;
  const match = value.match(/^(\S+)\s+(.*)$/);
  if (match === null || match[1]?.toLowerCase() !== scheme.toLowerCase()) return null;
  const token = match[2]?.trim() ?? '';
  return token === '' ? null : token;
}
