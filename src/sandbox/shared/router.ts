import type { SandboxRequest, SandboxResponse } from './sandbox-http';

export type RouteHandler = (
  request: SandboxRequest,
  params: Record<string, string>,
) => SandboxResponse | Promise<SandboxResponse>;

interface Route {
  method: string;
  segments: string[];
  /** How many segments are literal: the more, the more specific. */
  literals: number;
  handler: RouteHandler;
}

/**
 * A minimal path router for simulators: `/v1/customers/:id` style patterns, literal segments win over
 * parameters (so `/customers/export` is not read as an id), params are percent-decoded.
 */
export class Router {
  /** By segment count, each list in the order routes were added: a path is only compared with routes as long. */
  private readonly routes = new Map<number, Route[]>();

  on(method: string, pattern: string, handler: RouteHandler): this {
    const segments = split(pattern);
    const literals = segments.filter((segment) => !segment.startsWith(':')).length;
    const sameLength = this.routes.get(segments.length) ?? [];
    sameLength.push({ method, segments, literals, handler });
    this.routes.set(segments.length, sameLength);
    return this;
  }

  /** The handler for a request, `'method-not-allowed'` when only the path matches, or null. */
  match(method: string, path: string): { handler: RouteHandler; params: Record<string, string> } | 'method-not-allowed' | null {
    const parts = split(path);
    let pathMatched = false;
    let best: { handler: RouteHandler; params: Record<string, string>; literals: number } | null = null;
    for (const route of this.routes.get(parts.length) ?? []) {
      const params = matchSegments(route.segments, parts);
      if (params === null) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      if (best === null || route.literals > best.literals) best = { handler: route.handler, params, literals: route.literals };
    }
    if (best !== null) return { handler: best.handler, params: best.params };
    return pathMatched ? 'method-not-allowed' : null;
  }
}

function split(path: string): string[] {
  // A trailing slash is significant to no provider here except Polar's `/v1/customers/`, which also answers without it.
  return path.split('/').filter((part) => part !== '');
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let index = 0; index < pattern.length; index++) {
    const expected = pattern[index] as string;
    const actual = parts[index] as string;
    if (expected.startsWith(':')) {
      try {
        params[expected.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (expected !== actual) {
      return null;
    }
  }
  return params;
}
