/**
 * The sandbox alone in its own process for `npm run bench`, so the providers' simulated work competes with neither
 * the gateway nor the load generator in one event loop. The bench drives it through its admin API (faults, request
 * log). `BENCH_PEOPLE` people; prints `listening <port>` when ready.
 */
import { createSandbox } from '../../src/sandbox/sandbox';
import { allSimulators } from '../../src/registry';

const sandbox = await createSandbox({ port: 0, people: Number(process.env.BENCH_PEOPLE ?? 20_000), simulators: allSimulators });
console.log(`listening ${sandbox.port}`);
process.on('SIGTERM', () => void sandbox.close().finally(() => process.exit(0)));
