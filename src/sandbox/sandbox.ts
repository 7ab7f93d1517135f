import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { handleAdmin } from './admin';
import { decideFault, latencyFor, type FaultConfig, type FaultDecision } from './shared/faults';
import { generatePeople } from './shared/people';
import { Random } from './shared/random';
import { SandboxRateLimits } from './rate-limit';
import { RequestLog, type RequestLogEntry } from './request-log';
import type { SandboxRequest, SandboxResponse } from './shared/sandbox-http';
import type { ProviderSimulator, SimulatorFactory } from './shared/simulator';
import type { WebhookDelivery } from './webhooks/webhook-delivery-log';
import { WebhookOutbox, type WebhookSettings } from './webhooks/webhook-outbox';
import { watchWrites } from './webhooks/webhook-watch';

export interface SandboxOptions {
  /** @default 4010 (env `SANDBOX_PORT`); 0 picks a free port. */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Seed for all generated data. @default 42 (env `SANDBOX_SEED`) */
  seed?: number;
  /** How many people to generate. @default 1000 (env `SANDBOX_PEOPLE`) */
  people?: number;
  /** Faults in force from the start (env `SANDBOX_FAULTS`, JSON). */
  faults?: FaultConfig;
  simulators: readonly SimulatorFactory[];
  /** The instant seed data is generated relative to. @default 2026-11-01T00:00:00Z */
  seedNow?: Date;
  /** Where each provider's webhooks go from the start (env `SANDBOX_WEBHOOK_URL` with the providers' secrets). */
  webhooks?: Partial<WebhookSettings>;
}

export interface Sandbox {
  url: string;
  port: number;
  /** Each provider's base URL, as an adapter (or an official client) should be configured. */
  baseUrls: Record<string, string>;
  providers: readonly string[];
  requests(): RequestLogEntry[];
  clearRequests(): void;
  faults(): FaultConfig;
  setFaults(config: FaultConfig): void;
  /** Called with the new faults whenever they change (set, or cleared by a reset). */
  onFaultsChanged(listener: (faults: FaultConfig) => void): void;
  /** Back to the seed data; log and faults cleared. */
  reset(): void;
  customerCounts(): Record<string, number>;
  webhooks(): WebhookSettings;
  /** Replaces where webhooks go; retries already scheduled keep their endpoint. */
  setWebhooks(settings: WebhookSettings): void;
  webhookDeliveries(): WebhookDelivery[];
  clearWebhookDeliveries(): void;
  close(): Promise<void>;
}

/** Request bodies larger than this are refused before a simulator sees them. */
const MAX_BODY_BYTES = 1024 * 1024;

export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  const seed = options.seed ?? 42;
  const peopleCount = options.people ?? 1000;
  const seedNow = options.seedNow ?? new Date('2026-11-01T00:00:00Z');
  const log = new RequestLog();
  let faults: FaultConfig = options.faults ?? {};
  let faultRandom = new Random(seed, 'faults');
  const rateLimits = new SandboxRateLimits();
  const faultListeners: ((faults: FaultConfig) => void)[] = [];
  const applyFaults = (config: FaultConfig): void => {
    faults = config;
    rateLimits.configure(config);
    for (const listener of faultListeners) listener(config);
  };
  rateLimits.configure(faults);
  let simulators = new Map<string, ProviderSimulator>();
  const outbox = new WebhookOutbox();
  outbox.configure({ ...outbox.current(), ...options.webhooks });

  const build = () => {
    const people = generatePeople(seed, peopleCount, seedNow);
    const context = { seed, people, seedNow, random: (stream: string) => new Random(seed, stream), now: () => new Date() };
    simulators = new Map(options.simulators.map((factory) => {
      const simulator = watchWrites(factory(context), outbox, context.now);
      return [simulator.name, simulator];
    }));
  };
  build();
  const providers = [...simulators.keys()];

  const hanging = new Set<ServerResponse>();
  const sockets = new Set<Socket>();

  const sandbox: Sandbox = {
    url: '',
    port: 0,
    baseUrls: {},
    providers,
    requests: () => log.list(),
    clearRequests: () => log.clear(),
    faults: () => faults,
    setFaults: applyFaults,
    onFaultsChanged: (listener) => {
      faultListeners.push(listener);
    },
    reset: () => {
      // Events of the old data must not arrive after the reset; where they go stays configured.
      outbox.cancelAll();
      outbox.clearLog();
      build();
      log.clear();
      applyFaults({});
      faultRandom = new Random(seed, 'faults');
    },
    customerCounts: () => Object.fromEntries([...simulators].map(([name, simulator]) => [name, simulator.customerCount()])),
    webhooks: () => outbox.current(),
    setWebhooks: (settings) => outbox.configure(settings),
    webhookDeliveries: () => outbox.log(),
    clearWebhookDeliveries: () => outbox.clearLog(),
    close: async () => {
      outbox.cancelAll();
      for (const response of hanging) response.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };

  const server = createServer((request, response) => {
    void serve(request, response).catch((error: unknown) => {
      // A simulator bug must not take the sandbox down; answer 500 and keep serving.
      console.error('sandbox: unhandled error', error);
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: 'sandbox internal error' }));
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = request.method ?? 'GET';
    const target = request.url ?? '/';
    const url = new URL(target, 'http://sandbox.invalid');
    const rawQuery = url.search.slice(1);
    const queryAt = target.indexOf('?');
    const path = queryAt === -1 ? target : target.slice(0, queryAt);
    const body = hasBody(request) ? await readBody(request) : '';
    if (body === null) return send(response, { status: 413, json: { error: `request body larger than ${MAX_BODY_BYTES} bytes` } });

    if (path === '/__sandbox' || path.startsWith('/__sandbox/')) {
      return send(response, handleAdmin({ method, path, body }, sandbox));
    }

    const first = path.split('/', 2)[1] ?? '';
    // Below its prefix, or at the root for a simulator that claims the segment (a client that takes no path prefix).
    const prefixed = simulators.get(first);
    const simulator = prefixed ?? [...simulators.values()].find((candidate) => candidate.rootSegments?.includes(first));
    if (simulator === undefined) {
      return send(response, { status: 404, json: { error: `no provider at /${first}; providers: ${providers.map((p) => `/${p}`).join(', ')}` } });
    }
    const name = simulator.name;
    const record = (status: number) => log.add({ provider: name, method, path, query: rawQuery, status, ms: round(performance.now() - started) });

    const providerFaults = faults[name];
    // The provider's limiter sees the request as it arrives; its answer still takes the network's time.
    const admitted = rateLimits.take(name);
    const delay = latencyFor(providerFaults, faultRandom);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const decision: FaultDecision = admitted.allowed
      ? decideFault(providerFaults, faultRandom)
      : { kind: 'rate-limit', retryAfterSeconds: admitted.retryAfterSeconds, enforced: true };
    if (decision.kind === 'hang') {
      hanging.add(response);
      response.on('close', () => {
        hanging.delete(response);
        record(0);
      });
      return;
    }
    let answer: SandboxResponse;
    if (decision.kind === 'none') {
      const sandboxRequest: SandboxRequest = {
        method,
        path: (prefixed === undefined ? path : path.slice(name.length + 1)) || '/',
        rawQuery,
        query: url.searchParams,
        headers: request.headers,
        body,
      };
      answer = await simulator.handle(sandboxRequest);
    } else {
      answer = simulator.faultResponse(decision);
    }
    const malformed = decision.kind === 'none' && answer.json !== undefined && faultRandom.chance(providerFaults?.malformedRate ?? 0);
    send(response, answer, malformed);
    record(answer.status);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  sandbox.port = address.port;
  sandbox.url = `http://${options.host ?? '127.0.0.1'}:${address.port}`;
  sandbox.baseUrls = Object.fromEntries([...simulators.values()].map((simulator) => [simulator.name, `${sandbox.url}${simulator.basePath}`]));
  return sandbox;
}

function send(response: ServerResponse, answer: SandboxResponse, malformed = false): void {
  const headers: Record<string, string> = { ...answer.headers };
  let payload: string | undefined = answer.text;
  if (answer.json !== undefined) {
    payload = JSON.stringify(answer.json);
    headers['content-type'] ??= 'application/json';
    // An injected malformed body: valid headers, JSON cut off half-way.
    if (malformed) payload = payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
  }
  // Encoded once and written as is: a string would be measured, joined to the head and encoded again on write.
  const bytes = payload === undefined ? undefined : Buffer.from(payload);
  if (bytes !== undefined) headers['content-length'] = String(bytes.length);
  response.writeHead(answer.status, headers);
  response.end(bytes);
}

/** Only a request with `Content-Length` or `Transfer-Encoding` has a body (RFC 9112 §6.3); a GET has nothing to wait for. */
function hasBody(request: IncomingMessage): boolean {
  return request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined;
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
