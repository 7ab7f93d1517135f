/**
 * `npx tsx test/bench/heap-top.ts <file.heapprofile> [count]`: where a sampled allocation profile (the bench's
 * BENCH_HEAP_PROF_DIR, garbage included) allocated its bytes, by package or source folder and by function, as shares.
 */
import { readFileSync } from 'node:fs';
import { FrameTally, type CallFrame } from './call-frames';

interface HeapNode {
  callFrame: CallFrame;
  selfSize: number;
  children: HeapNode[];
}

const [file, countText] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: tsx test/bench/heap-top.ts <file.heapprofile> [count]');
  process.exit(2);
}
const { head } = JSON.parse(readFileSync(file, 'utf8')) as { head: HeapNode };
const tally = new FrameTally();
let total = 0;
const stack: HeapNode[] = [head];
while (stack.length > 0) {
  const node = stack.pop() as HeapNode;
  stack.push(...node.children);
  if (node.selfSize === 0) continue;
  total += node.selfSize;
  tally.add(node.callFrame, node.selfSize);
}
console.log(`${(total / 1024 / 1024).toFixed(0)} MiB sampled; share of bytes allocated:`);
tally.print(total, Number(countText ?? 30));
