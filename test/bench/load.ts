/** What the bench scripts share: driving a GraphQL server over HTTP, and reading a process's CPU time and memory. */
import { readFileSync } from 'node:fs';
import type { Pool } from 'undici';

/** A numeric bench option from the environment (`BENCH_*`), or its default. */
export const envNumber = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** The scenarios whose names contain one of BENCH_ONLY's comma-separated words; all of them when it is unset. */
export function chosen<T extends { name: string }>(scenarios: readonly T[]): T[] {
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim()).filter((name) => name !== '') ?? [];
  return scenarios.filter((scenario) => only.length === 0 || only.some((name) => scenario.name.includes(name)));
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** A number right-aligned in `width` characters with `digits` decimals, or `-` for none: one cell of a bench table. */
export const cell = (value: number | null, digits: number, width: number) => (value === null ? '-' : value.toFixed(digits)).padStart(width);

/**
 * The columns every latency table starts with: the p50 of the query alone and its ratio to the critical path (levels
 * of dependent upstream calls × latency; `-` without latency or calls), then under load p50, p99 and req/s.
 */
export function latencyCells(aloneP50: number | null, levels: number, latencyMs: number, loaded: { durations: number[] }, rate: number): string[] {
  const ratio = aloneP50 !== null && latencyMs > 0 && levels > 0 ? aloneP50 / (levels * latencyMs) : null;
  return [cell(aloneP50, 1, 10), cell(ratio, 2, 11), cell(percentile(loaded.durations, 50), 1, 8), cell(percentile(loaded.durations, 99), 1, 8), cell(rate, 0, 8)];
}

export const body = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

export async function post(pool: Pool, payload: string): Promise<{ ok: boolean; data: any; errors: unknown[] }> {
  const response = await pool.request({ method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: payload });
  const parsed = (await response.body.json()) as { data?: any; errors?: unknown[] };
  return { ok: response.statusCode === 200 && parsed.errors === undefined, data: parsed.data, errors: parsed.errors ?? [] };
}

/** Runs `total` queries over `width` parallel workers; durations in ms, the wall time, and the failures. */
export async function load(pool: Pool, payload: string, total: number, width: number) {
  const durations: number[] = [];
  let failures = 0;
  let firstFailure: unknown = null;
  let next = 0;
  const wall = performance.now();
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < total) {
        next++;
        const begin = performance.now();
        const result = await post(pool, payload).catch((error: unknown) => ({ ok: false, errors: [String(error)], data: null }));
        durations.push(performance.now() - begin);
        if (!result.ok) {
          failures++;
          firstFailure ??= result.errors[0];
        }
      }
    }),
  );
  durations.sort((a, b) => a - b);
  return { durations, seconds: (performance.now() - wall) / 1000, failures, firstFailure };
}

/** CPU time a process has used, user and system, in milliseconds (Linux: /proc/<pid>/stat, 100 ticks a second). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith('VmRSS:')) ?? '';
  return Math.round(Number(line.replace(/\D+/g, '')) / 1024);
}

export interface Scenario {
  name: string;
  /** Dependent upstream calls one after another on the slowest path of the query. */
  levels: number;
  body: string;
  /** The same reads as a query of the floor server (`floor-server.ts`), for the scenarios it answers. */
  floor?: string;
}

/** The gateway's queries the benches share, so that `bench` and `bench:mesh` measure the same reads. */
export const gatewayQueries = {
  byId: 'query($id: ID!) { customer(id: $id) { id email name createdAt } }',
  page20: (provider: 'POLAR' | 'ORB') => `{ customers(provider: ${provider}, first: 20) { nodes { id email name } } }`,
  polar20WithState: '{ customers(provider: POLAR, first: 20) { nodes { id state { subscriptions { id } } entitlements { featureId } } } }',
};

/**
 * The bench's queries, with ids read from the gateway at `pool` first (before any latency is added): customers of
 * Polar and Orb, and ten ids across all providers.
 */
export async function benchScenarios(pool: Pool): Promise<Scenario[]> {
  const ids = async (query: string) => ((await post(pool, body(query))).data.customers.nodes as { id: string }[]).map((node) => node.id);
  const polarId = (await ids('{ customers(provider: POLAR, first: 1) { nodes { id } } }'))[0];
  const orbId = (await ids('{ customers(provider: ORB, first: 1) { nodes { id } } }'))[0];
  const mixed = (await ids('{ customers(first: 50) { nodes { id } } }')).filter((_id, index) => index % 5 === 0).slice(0, 10);
  return [
    // No provider call: what the front door, yoga and the response cost on their own.
    { name: 'typename only', levels: 0, body: body('{ __typename }') },
    {
      name: 'polar by id',
      levels: 1,
      body: body(gatewayQueries.byId, { id: polarId }),
      floor: body(gatewayQueries.byId, { id: String(polarId).slice('polar:'.length) }),
    },
    { name: 'orb by id', levels: 1, body: body(gatewayQueries.byId, { id: orbId }) },
    { name: 'polar page 20', levels: 1, body: body(gatewayQueries.page20('POLAR')), floor: body('{ customers(first: 20) { id email name } }') },
    { name: 'orb page 20', levels: 1, body: body(gatewayQueries.page20('ORB')) },
    {
      name: 'polar 20 + state',
      levels: 2,
      body: body(gatewayQueries.polar20WithState),
      floor: body('{ customers(first: 20) { id state { subscriptions { id } } entitlements { featureId } } }'),
    },
    { name: 'nodes 10 mixed', levels: 1, body: body('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: mixed }) },
    // External-ID lookups at Orb and Polar, then Polar's state: two levels.
    { name: 'profile + entitl.', levels: 2, body: body('{ profile(externalId: "user_000003") { customers { id } entitlements { featureId hasAccess } } }') },
    { name: 'merged page 50', levels: 1, body: body('{ customers(first: 50) { edges { cursor node { id name } } } }') },
  ];
}
