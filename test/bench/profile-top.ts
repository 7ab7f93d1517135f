/**
 * `npx tsx test/bench/profile-top.ts <file.cpuprofile> [count]`: where a V8 CPU profile (`node --cpu-prof`, or the
 * bench's BENCH_CPU_PROF_DIR) spent its self time, by package or source folder and by function, as shares of busy samples.
 */
import { readFileSync } from 'node:fs';
import { FrameTally, type CallFrame } from './call-frames';

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
}

const [file, countText] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: tsx test/bench/profile-top.ts <file.cpuprofile> [count]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
const hitsById = new Map<number, number>();
for (const sample of profile.samples) hitsById.set(sample, (hitsById.get(sample) ?? 0) + 1);

const tally = new FrameTally();
for (const node of profile.nodes) {
  const hits = hitsById.get(node.id) ?? 0;
  if (hits > 0) tally.add(node.callFrame, hits);
}
const total = profile.samples.length;
const idle = tally.bySite.get('(idle)') ?? 0;
const busy = total - idle;
console.log(`${total} samples, ${((busy / total) * 100).toFixed(1)} % busy; self time, share of busy samples:`);
tally.print(busy, Number(countText ?? 25), (name) => name === '(idle)');
