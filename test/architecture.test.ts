import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import madge from 'madge';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Imports point one way. The graph comes from madge (`npx madge --circular --extensions ts src` gives the file
 * cycles alone); type-only imports count, because a type that points back couples folders all the same.
 */
let graph: Record<string, string[]>;
let fileCycles: string[][];

beforeAll(async () => {
  const result = await madge(join(import.meta.dirname, '../src'), { fileExtensions: ['ts'], tsConfig: join(import.meta.dirname, '../tsconfig.json') });
  graph = result.obj();
  fileCycles = result.circular();
}, 120_000);

/** Folders as the layout means them: each provider's adapter and simulator, and `spec`, `kit`, `shared`, `webhooks`, are folders of their own; a root file is its own node. */
function folderOf(file: string): string {
  const parts = file.split('/');
  if (parts.length === 1) return file;
  if ((parts[0] === 'providers' || parts[0] === 'sandbox') && parts.length > 2) return `${parts[0]}/${parts[1]}`;
  return parts[0] as string;
}

/** Strongly connected groups of more than one folder: each is a folder cycle. */
function folderCycles(edges: Map<string, Set<string>>): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    order.set(node, order.size);
    low.set(node, order.get(node) as number);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) as number, order.get(next) as number));
    }
    if (low.get(node) !== order.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1) cycles.push(group.sort());
  };
  for (const node of edges.keys()) if (!order.has(node)) visit(node);
  return cycles;
}

function importers(predicate: (dependency: string) => boolean): string[] {
  return Object.entries(graph)
    .filter(([, dependencies]) => dependencies.some(predicate))
    .map(([file]) => file)
    .sort();
}

describe('imports point one way', () => {
  it('no file imports itself through others', () => {
    expect(fileCycles).toEqual([]);
  });

  it('no folder imports itself through others', () => {
    const edges = new Map<string, Set<string>>();
    for (const [file, dependencies] of Object.entries(graph)) {
      const from = folderOf(file);
      if (!edges.has(from)) edges.set(from, new Set());
      for (const dependency of dependencies) if (folderOf(dependency) !== from) edges.get(from)?.add(folderOf(dependency));
    }
    expect(folderCycles(edges)).toEqual([]);
  });

  it('only the wiring imports the registry of adapters and simulators', () => {
    expect(importers((dependency) => dependency === 'registry.ts')).toEqual(['app.ts', 'config.ts', 'main.ts', 'sandbox/main.ts', 'sandbox/worker.ts']);
  });

  it('graphql reaches providers only through loaders and writes, and only graphql builds GraphQL errors', () => {
    const adapterParts = (dependency: string) => dependency.startsWith('providers/') && /^providers\/[^/]+\//.test(dependency) && !dependency.startsWith('providers/spec/');
    expect(importers(adapterParts).filter((file) => file.startsWith('graphql/'))).toEqual([]);
    const builders = Object.keys(graph).filter((file) => !file.startsWith('graphql/') && readFileSync(join(import.meta.dirname, '../src', file), 'utf8').includes('new GraphQLError'));
    expect(builders).toEqual([]);
  });

  it('provider adapters and simulators never import one another, and the sandbox root and its simulators do not either', () => {
    const folder = (file: string) => folderOf(file);
    for (const [file, dependencies] of Object.entries(graph)) {
      const from = folder(file);
      for (const dependency of dependencies) {
        const to = folder(dependency);
        if (from === to) continue;
        const fromProvider = /^(providers|sandbox)\/(?!spec$|kit$|shared$|webhooks$)/.test(from);
        const toProvider = /^(providers|sandbox)\/(?!spec$|kit$|shared$|webhooks$)/.test(to);
        expect(fromProvider && toProvider, `${file} -> ${dependency}`).toBe(false);
        if (from.startsWith('sandbox/')) expect(to === 'sandbox', `${file} -> ${dependency}`).toBe(false);
      }
    }
  });

  it('every adapter folder holds the same named parts, exporting the same shape, and goes through defineProvider', () => {
    const root = join(import.meta.dirname, '../src/providers');
    const adapters = readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !['spec', 'kit'].includes(entry.name))
      .map((entry) => entry.name);
    const parts = ['index', 'provider', 'capabilities', 'map', 'request', 'errors', 'rate-limit', 'webhooks'];
    expect(adapters.length).toBeGreaterThan(0);
    for (const name of adapters) {
      const files = readdirSync(join(root, name)).sort();
      expect(files, name).toEqual(parts.map((part) => (part === 'index' ? 'index.ts' : `${name}-${part}.ts`)).sort());
      const index = readFileSync(join(root, name, 'index.ts'), 'utf8');
      expect(index, name).toContain(`export const ${name}Definition: ProviderDefinition`);
      const provider = readFileSync(join(root, name, `${name}-provider.ts`), 'utf8');
      expect(provider, name).toMatch(/export function create\w+Provider\(settings: ProviderSettings, transport: HttpTransport\): CustomerProvider/);
      expect(provider, name).toContain('defineProvider(');
      expect(readFileSync(join(root, name, `${name}-capabilities.ts`), 'utf8'), name).toContain(`export const ${name}Limits: ProviderLimits`);
    }
  });
});
