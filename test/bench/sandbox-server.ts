/**
 * The sandbox alone in its own process for `npm run bench`, so the providers' simulated work competes with neither
 * the gateway nor the load generator in one event loop. The bench drives it through its admin API (faults, request
 * log). `BENCH_PEOPLE` people; prints `listening <port>` when ready. With `BENCH_SANDBOX_CPU_PROF_DIR`, a CPU
 * profile of the serving alone (seeding left out) is written there when the process is stopped.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createSandbox } from '../../src/sandbox/sandbox';
import { allSimulators } from '../../src/registry';

const sandbox = await createSandbox({ port: 0, people: Number(process.env.BENCH_PEOPLE ?? 20_000), simulators: allSimulators });
const profileDir = process.env.BENCH_SANDBOX_CPU_PROF_DIR;
const profiler = profileDir === undefined ? null : new Session();
if (profiler !== null) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
console.log(`listening ${sandbox.port}`);
process.on('SIGTERM', () => {
  void (async () => {
    if (profiler !== null) {
      const { profile } = await profiler.post('Profiler.stop');
      mkdirSync(profileDir as string, { recursive: true });
      writeFileSync(`${profileDir}/sandbox-${process.pid}.cpuprofile`, JSON.stringify(profile));
    }
    await sandbox.close();
  })().finally(() => process.exit(0));
});
