/** What the bench scripts share: driving a GraphQL server over HTTP, and reading a process's CPU time and memory. */
import { readFileSync } from 'node:fs';
import type { Pool } from 'undici';

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

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
