import { parentPort, workerData } from 'node:worker_threads';
import { allSimulators } from '../registry';
import { createSandbox, type Sandbox } from './sandbox';
import { toThreadError, type FromSandboxThread, type SandboxThreadSettings, type ToSandboxThread } from './thread';

/**
 * The embedded sandbox's thread (`npm start`; `sandbox/thread.ts` starts it): `createSandbox` with every
 * simulator, answering the main thread's messages. Built next to `main.js` as `sandbox/worker.js`.
 */
async function serve(): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('sandbox/worker runs as a worker thread: sandbox/thread.ts starts it');
  const post = (message: FromSandboxThread) => port.postMessage(message);
  // As on the gateway's thread (front-door/last-line.ts): one missed rejection is said, and the sandbox keeps serving.
  process.on('unhandledRejection', (reason) => {
    console.error(`sandbox: unhandled rejection: ${reason instanceof Error ? `${reason.name}: ${reason.message}` : 'a non-error value'}`);
  });
  const settings = workerData as SandboxThreadSettings;
  let sandbox: Sandbox;
  try {
    sandbox = await createSandbox({ ...settings, simulators: allSimulators });
  } catch (error) {
    post({ type: 'failed', error: toThreadError(error) });
    return;
  }
  const running = sandbox;
  running.onFaultsChanged((faults) => post({ type: 'faults', faults }));
  port.on('message', (message: ToSandboxThread) => {
    if (message.type === 'webhook-endpoints') running.setWebhooks({ ...running.webhooks(), endpoints: message.endpoints });
    if (message.type === 'close') {
      void running.close().then(() => {
        post({ type: 'closed' });
        port.close();
      });
    }
  });
  post({
    type: 'ready',
    url: running.url,
    port: running.port,
    baseUrls: running.baseUrls,
    providers: [...running.providers],
    customerCounts: running.customerCounts(),
  });
}

void serve();
