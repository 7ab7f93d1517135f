/**
 * `npx tsx test/bench/profile-top.ts <file.cpuprofile> [count]`: where a V8 CPU profile (`node --cpu-prof`, or the
 * bench's BENCH_CPU_PROF_DIR) spent its self time, by package or source folder and by function, as shares of busy samples.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
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

const bySite = new Map<string, number>();
const byModule = new Map<string, number>();
for (const node of profile.nodes) {
  const hits = hitsById.get(node.id) ?? 0;
  if (hits === 0) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const module = moduleOf(url, functionName);
  byModule.set(module, (byModule.get(module) ?? 0) + hits);
  const place = url === '' ? '' : ` ${url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*?\/(src|test)\//, '$1/')}:${lineNumber + 1}`;
  const site = `${functionName || '(anonymous)'}${place}`;
  bySite.set(site, (bySite.get(site) ?? 0) + hits);
}
const total = profile.samples.length;
const idle = bySite.get('(idle)') ?? 0;
const busy = total - idle;
console.log(`${total} samples, ${((busy / total) * 100).toFixed(1)} % busy; self time, share of busy samples:`);
console.log('by package or source folder:');
for (const [module, hits] of [...byModule].filter(([module]) => module !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 12)) {
  console.log(`${((hits / busy) * 100).toFixed(1).padStart(5)} %  ${module}`);
}
console.log('by function:');
for (const [site, hits] of [...bySite].filter(([site]) => site !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, Number(countText ?? 25))) {
  console.log(`${((hits / busy) * 100).toFixed(1).padStart(5)} %  ${site}`);
}

/** `graphql-yoga`, `@envelop/core`, `src/loaders`, `node:internal`, or the V8 bucket (garbage collector, program). */
function moduleOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inPackage !== null) return inPackage[1] as string;
  const inSource = /\/(src|test)\/([^/]+)\//.exec(url);
  if (inSource !== null) return `${inSource[1]}/${inSource[2]}`;
  return url.startsWith('node:') ? 'node:internal' : url;
}
