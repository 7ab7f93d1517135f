import { isPlainObject, parseJsonBody, type SandboxRequest } from '../shared/sandbox-http';

export type OmiseParams = Record<string, unknown>;

/**
 * Reads a write's parameters. The official SDKs send JSON (omise-node even labels empty GETs
 * `application/json`); the docs' curl examples send form fields (`-d metadata[key]=value`). Both are accepted:
 * form when the content type says so, or when there is no JSON content type and the body does not look like JSON.
 */
export function readParams(request: SandboxRequest): { params: OmiseParams } | { error: string } {
  const contentType = String(request.headers['content-type'] ?? '').toLowerCase();
  const text = request.body;
  if (text.trim() === '') return { params: {} };
  const looksJson = /^\s*[[{"]/.test(text);
  if (contentType.includes('application/x-www-form-urlencoded') || (!contentType.includes('json') && !looksJson)) {
    return { params: parseFormFields(text) };
  }
  const parsed = parseJsonBody(text);
  if (parsed instanceof SyntaxError) return { error: 'request body is not valid JSON' };
  if (!isPlainObject(parsed)) return { error: 'request body must be a JSON object' };
  return { params: parsed };
}

/** Keys that would reach an object's prototype; a form body naming them is ignored, never merged. */
const UNSAFE_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * Rails-style form fields: `a=1`, `metadata[plan]=pro`, `metadata[address][city]=Bangkok`, `tags[]=x`.
 * Later fields win over earlier ones, as in Rack; a field whose shape conflicts with an earlier one replaces it.
 */
export function parseFormFields(text: string): OmiseParams {
  const params: OmiseParams = {};
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const separator = pair.indexOf('=');
    const rawKey = separator === -1 ? pair : pair.slice(0, separator);
    const rawValue = separator === -1 ? '' : pair.slice(separator + 1);
    const key = decodeFormComponent(rawKey);
    const value = decodeFormComponent(rawValue);
    if (key === null || value === null) continue;
    const path = keyPath(key);
    if (path === null || path.some((part) => UNSAFE_KEYS.has(part))) continue;
    assign(params, path, value);
  }
  return params;
}

function decodeFormComponent(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** `metadata[a][b]` → `['metadata', 'a', 'b']`; `tags[]` → `['tags', '']` (append). */
function keyPath(key: string): string[] | null {
  const match = key.match(/^([^[\]]+)((?:\[[^[\]]*\])*)$/);
  if (match === null) return null;
  const rest = match[2] ?? '';
  const parts = [...rest.matchAll(/\[([^[\]]*)\]/g)].map((part) => part[1] ?? '');
  return [match[1] as string, ...parts];
}

function assign(target: OmiseParams, path: string[], value: string): void {
  let node: OmiseParams | unknown[] = target;
  for (let index = 0; index < path.length; index++) {
    const part = path[index] as string;
    const last = index === path.length - 1;
    const nextIsAppend = path[index + 1] === '';
    if (Array.isArray(node)) {
      if (last) node.push(value);
      else {
        const child: OmiseParams | unknown[] = nextIsAppend ? [] : {};
        node.push(child);
        node = child;
      }
      continue;
    }
    if (last) {
      node[part] = value;
      return;
    }
    const existing = node[part];
    const wanted = nextIsAppend ? Array.isArray(existing) : isPlainObject(existing);
    if (!wanted) node[part] = nextIsAppend ? [] : {};
    node = node[part] as OmiseParams | unknown[];
  }
}
