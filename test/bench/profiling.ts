import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * For a bench server process: a CPU profile (into `cpuDir`) and a sampled allocation profile (into `heapDir`, one
 * sample per 32 KiB allocated on average, garbage included: what feeds the collector), from now until `stop`,
 * written as `<name>-<pid>.cpuprofile` / `.heapprofile`. Nothing is started when neither folder is given.
 */
export async function startProfiling(name: string, dirs: { cpuDir?: string; heapDir?: string }): Promise<{ stop(): Promise<void> }> {
  const { cpuDir, heapDir } = dirs;
  if (cpuDir === undefined && heapDir === undefined) return { stop: async () => undefined };
  const session = new Session();
  session.connect();
  if (cpuDir !== undefined) {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  if (heapDir !== undefined) {
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', { samplingInterval: 32_768, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  }
  const write = (dir: string, extension: string, profile: unknown) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/${name}-${process.pid}.${extension}`, JSON.stringify(profile));
  };
  return {
    async stop() {
      if (cpuDir !== undefined) write(cpuDir, 'cpuprofile', (await session.post('Profiler.stop')).profile);
      if (heapDir !== undefined) write(heapDir, 'heapprofile', (await session.post('HeapProfiler.stopSampling')).profile);
    },
  };
}
