/**
 * `npx tsx test/bench/heap-top.ts <file.heapprofile> [count]`: where a sampled allocation profile (the bench's
 * BENCH_HEAP_PROF_DIR, garbage included) allocated its bytes, by package or source folder and by function, as shares.
 */
import { readFileSync } from 'node:fs';

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}

const [file, countText] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: tsx test/bench/heap-top.ts <file.heapprofile> [count]');
  process.exit(2);
}
const { head } = JSON.parse(readFileSync(file, 'utf8')) as { head: HeapNode };
const bySite = new Map<string, number>();
const byModule = new Map<string, number>();
let total = 0;
const stack: HeapNode[] = [head];
while (stack.length > 0) {
  const node = stack.pop() as HeapNode;
  stack.push(...node.children);
  if (node.selfSize === 0) continue;
  total += node.selfSize;
  const { functionName, url, lineNumber } = node.callFrame;
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  const module = inPackage?.[1] ?? (/\/(src\/[^/]+|test\/[^/]+)\//.exec(url)?.[1] ?? (url.startsWith('node:') ? 'node:internal' : url === '' ? '(native)' : url));
  byModule.set(module, (byModule.get(module) ?? 0) + node.selfSize);
  const place = url === '' ? '' : ` ${url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*?\/(src|test)\//, '$1/')}:${lineNumber + 1}`;
  const site = `${functionName || '(anonymous)'}${place}`;
  bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
}
console.log(`${(total / 1024 / 1024).toFixed(0)} MiB sampled; share of bytes allocated:`);
console.log('by package or source folder:');
for (const [module, bytes] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${((bytes / total) * 100).toFixed(1).padStart(5)} %  ${module}`);
console.log('by function:');
for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, Number(countText ?? 30))) console.log(`${((bytes / total) * 100).toFixed(1).padStart(5)} %  ${site}`);
