/**
 * The sandbox alone in its own process for `npm run bench`, so the providers' simulated work competes with neither
 * the gateway nor the load generator in one event loop. The bench drives it through its admin API (faults, request
 * log). `BENCH_PEOPLE` people; prints `listening <port>` when ready. With `BENCH_SANDBOX_CPU_PROF_DIR`, a CPU
 * profile of the serving alone (seeding left out) is written there when the process is stopped.
 */
import { createSandbox } from '../../src/sandbox/sandbox';
import { allSimulators } from '../../src/registry';
import { startProfiling } from './profiling';

const sandbox = await createSandbox({ port: 0, people: Number(process.env.BENCH_PEOPLE ?? 20_000), simulators: allSimulators });
const profiling = await startProfiling('sandbox', { cpuDir: process.env.BENCH_SANDBOX_CPU_PROF_DIR });
console.log(`listening ${sandbox.port}`);
process.on('SIGTERM', () => {
  void (async () => {
    await profiling.stop();
    await sandbox.close();
  })().finally(() => process.exit(0));
});
