/**
 * `npx tsx test/bench/cache-codec.ts`: what the read cache's codec costs per value. The values are the ones a page
 * of 20 Polar customers with their state stores (customers, states), read through the real adapters from the
 * in-process sandbox and captured as the state port receives them; each is then encoded and decoded many times.
 */
import { decodeCached, encodeCached, type CachedKind } from '../../src/cache/cache-codec';
import { providerNames } from '../../src/providers/provider-names';
import { createMemoryState } from '../../src/state/memory/memory-state';
import { startTestGateway } from '../support/gateway';
import { gatewayQueries } from './load';

const stored: { kind: CachedKind; text: string }[] = [];
const state = createMemoryState();
const set = state.values.set.bind(state.values);
state.values.set = async (key, value, ttlMs) => {
  const kind = key.split(':')[3] as CachedKind | 'dropped';
  if (kind !== 'dropped') stored.push({ kind, text: value });
  return set(key, value, ttlMs);
};
const gateway = await startTestGateway({ state, people: 500, cacheTtlMs: Object.fromEntries(providerNames.map((name) => [name, 30_000])) });
await gateway.run(gatewayQueries.polar20WithState);
await gateway.close();

const rounds = Number(process.env.BENCH_ROUNDS ?? 20_000);
let sink = 0;
function perValue(run: () => void, count: number): number {
  for (let round = 0; round < rounds / 10; round++) run();
  const started = performance.now();
  for (let round = 0; round < rounds; round++) run();
  return ((performance.now() - started) * 1000) / rounds / count;
}
console.log('kind       values  bytes/value  encode µs  decode µs');
for (const kind of ['customer', 'state'] as const) {
  const texts = stored.filter((entry) => entry.kind === kind).map((entry) => entry.text);
  const values = texts.map((text) => decodeCached(kind, text));
  const encode = perValue(() => {
    for (const value of values) sink += encodeCached(value).length;
  }, values.length);
  const decode = perValue(() => {
    for (const text of texts) sink += decodeCached(kind, text) === null ? 0 : 1;
  }, texts.length);
  const bytes = texts.reduce((total, text) => total + text.length, 0) / texts.length;
  console.log(`${kind.padEnd(10)} ${String(texts.length).padStart(6)}  ${bytes.toFixed(0).padStart(11)}  ${encode.toFixed(2).padStart(9)}  ${decode.toFixed(2).padStart(9)}`);
}
if (sink === 0) console.log('(nothing measured)');
