import { ConfigError, loadConfig } from '../config';
import { allSimulators } from '../registry';
import { startSandboxFor } from './start';

/** `npm run sandbox`: the five provider simulators alone, for official clients, curl or another gateway. */
async function main(): Promise<void> {
  const loaded = loadConfig();
  // Alone, the sandbox serves every provider whatever credentials the environment holds.
  const config = { ...loaded, providers: loaded.providers.map((provider) => ({ ...provider, mode: 'SANDBOX' as const })) };
  const sandbox = await startSandboxFor(config, allSimulators);
  console.log(`sandbox: admin at ${sandbox?.url}/__sandbox (requests, faults, reset); Ctrl-C stops it`);
  const stop = async () => {
    await sandbox?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  const failure = error as { code?: string; port?: number };
  if (failure?.code === 'EADDRINUSE') console.error(`port ${failure.port} is already in use: choose another with SANDBOX_PORT`);
  else console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
