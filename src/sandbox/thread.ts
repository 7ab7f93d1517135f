import { Worker } from 'node:worker_threads';
import type { FaultConfig } from './shared/faults';
import type { WebhookEndpoint } from './shared/webhook-types';
import { describeSandboxStart, sandboxProvidersOf, webhooksTo, type SandboxStartOptions } from './start';

/** What the sandbox's thread starts with (its `workerData`). */
export interface SandboxThreadSettings {
  port: number;
  host: string;
  seed: number;
  people: number;
  faults: FaultConfig;
}

/** An error as it crosses threads: a clone keeps only name, message and stack; start-up sentences need the rest. */
export interface ThreadError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  port?: number;
  address?: string;
  hostname?: string;
  syscall?: string;
}

/** The sandbox's thread, once listening: where it is, and how many customers each provider has. */
interface Ready {
  type: 'ready';
  url: string;
  port: number;
  baseUrls: Record<string, string>;
  providers: string[];
  customerCounts: Record<string, number>;
}

export type FromSandboxThread = Ready | { type: 'failed'; error: ThreadError } | { type: 'faults'; faults: FaultConfig } | { type: 'closed' };
export type ToSandboxThread = { type: 'webhook-endpoints'; endpoints: Record<string, WebhookEndpoint[]> } | { type: 'close' };

export function toThreadError(error: unknown): ThreadError {
  const failure = (error ?? {}) as Partial<ThreadError>;
  const picked: ThreadError = { name: failure.name ?? 'Error', message: failure.message ?? String(error) };
  for (const key of ['stack', 'code', 'port', 'address', 'hostname', 'syscall'] as const) {
    if (failure[key] !== undefined) Object.assign(picked, { [key]: failure[key] });
  }
  return picked;
}

function fromThreadError(error: ThreadError): Error {
  const { name, message, stack, ...fields } = error;
  return Object.assign(new Error(message), { name, ...(stack === undefined ? {} : { stack }) }, fields);
}

/**
 * A worker at `entry`. It inherits execArgv (the same V8 flags). A `.ts` entry runs under tsx (`npm run dev`,
 * tests): Node 20 keeps `--import tsx` in the worker's execArgv but its loader does not reach the worker's modules,
 * so the thread loads the entry through tsx's API itself.
 */
function startWorker(entry: URL, settings: SandboxThreadSettings): Worker {
  const options = { workerData: settings, name: 'sandbox' };
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const load = `const tsx = await import(${JSON.stringify(tsx)}); await tsx.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)});`;
  // A module (not `eval`): Node runs the process's `--import` preloads in it as in any worker.
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(load)}`), options);
}

export interface SandboxThreadOptions {
  /** The worker's entry module: `sandbox/worker.ts` under tsx, `sandbox/worker.js` next to a build's `main.js`. */
  entry: URL;
  /** The thread ended without being asked to (an uncaught error, or it exited): the caller decides what follows. */
  onCrash(error: Error): void;
}

/**
 * The embedded sandbox on a worker thread of its own, so answering the gateway's upstream calls does not take
 * the gateway's thread. This is the main thread's side: what `npm start` needs of the sandbox, over messages.
 */
export class SandboxThread {
  private readonly faultListeners: ((faults: FaultConfig) => void)[] = [];
  private closing = false;
  private exited = false;

  readonly url: string;
  readonly port: number;
  readonly baseUrls: Record<string, string>;
  readonly providers: readonly string[];

  private constructor(private readonly worker: Worker, ready: Ready, onCrash: (error: Error) => void) {
    this.url = ready.url;
    this.port = ready.port;
    this.baseUrls = ready.baseUrls;
    this.providers = ready.providers;
    let crashed = false;
    const crash = (error: Error) => {
      if (this.closing || crashed) return;
      crashed = true;
      onCrash(error);
    };
    worker.on('message', (message: FromSandboxThread) => {
      if (message.type === 'faults') for (const listener of this.faultListeners) listener(message.faults);
    });
    worker.on('error', crash);
    worker.on('exit', (code) => {
      this.exited = true;
      crash(new Error(`the sandbox's thread exited with code ${code}`));
    });
  }

  /**
   * Starts the sandbox's thread when at least one provider has no credentials, waits until it listens, and prints
   * what `startSandboxFor` prints. A failure to start (a port in use) rejects with the listen error as it was raised.
   */
  static async startFor(config: SandboxStartOptions, options: SandboxThreadOptions): Promise<SandboxThread | null> {
    if (sandboxProvidersOf(config).length === 0) return null;
    const started = performance.now();
    const settings: SandboxThreadSettings = {
      port: config.sandbox.port,
      host: config.host,
      seed: config.sandbox.seed,
      people: config.sandbox.people,
      faults: config.sandbox.faults,
    };
    const worker = startWorker(options.entry, settings);
    const ready = await new Promise<Ready>((resolve, reject) => {
      const stop = (error: Error) => {
        worker.off('message', onMessage).off('error', stop).off('exit', onExit);
        void worker.terminate();
        reject(error);
      };
      const onMessage = (message: FromSandboxThread) => {
        if (message.type === 'failed') stop(fromThreadError(message.error));
        if (message.type !== 'ready') return;
        worker.off('message', onMessage).off('error', stop).off('exit', onExit);
        resolve(message);
      };
      const onExit = (code: number) => stop(new Error(`the sandbox's thread exited with code ${code} before it listened`));
      worker.on('message', onMessage).on('error', stop).on('exit', onExit);
    });
    const sandbox = new SandboxThread(worker, ready, options.onCrash);
    if (config.sandbox.webhookUrl !== null) sandbox.sendWebhooksTo(config.sandbox.webhookUrl, config.webhookSecrets);
    for (const line of describeSandboxStart(config, ready, ready.customerCounts, performance.now() - started)) console.log(line);
    return sandbox;
  }

  /** Called with the new faults whenever they change in the sandbox (`PUT /__sandbox/faults`, a reset). */
  onFaultsChanged(listener: (faults: FaultConfig) => void): void {
    this.faultListeners.push(listener);
  }

  /** As `sendWebhooksTo` in `start.ts`: the endpoints go to the thread, the lines are printed here. */
  sendWebhooksTo(baseUrl: string, secrets: Record<string, string | null>): void {
    const { endpoints, lines } = webhooksTo(this.providers, baseUrl, secrets);
    this.post({ type: 'webhook-endpoints', endpoints });
    for (const line of lines) console.log(line);
  }

  /** Closes the sandbox's server (hanging answers and open sockets end), then ends the thread. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    if (!this.exited) {
      const closed = new Promise<void>((resolve) => {
        this.worker.on('message', (message: FromSandboxThread) => message.type === 'closed' && resolve());
        this.worker.once('exit', () => resolve());
        setTimeout(resolve, 5000).unref();
      });
      this.post({ type: 'close' });
      await closed;
    }
    await this.worker.terminate();
  }

  private post(message: ToSandboxThread): void {
    this.worker.postMessage(message);
  }
}
