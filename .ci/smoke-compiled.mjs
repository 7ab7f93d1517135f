// CI: the compiled build answers GraphQL. Starts `node dist/main.js` (the sandbox on its own thread from dist/sandbox/worker.js, on a free port; gateway on PORT=0),
// reads the real port from its start-up line, waits for readiness, queries it with a request id, checks the
// request's JSON log line and /metrics, then sends SIGTERM and expects a clean exit 0.
import { spawn } from 'node:child_process';

const fail = (message) => {
  console.error(`smoke: ${message}`);
  process.exitCode = 1;
};
// Production refuses to start without authentication, so the smoke runs as a deployment would: with a key.
const apiKey = 'ci-smoke-key-0123456789abcdef';
const env = {
  ...process.env,
  PORT: '0',
  SANDBOX_PORT: '0',
  SANDBOX_PEOPLE: '200',
  NODE_ENV: 'production',
  LOG_LEVEL: 'info',
  API_KEYS: JSON.stringify([{ name: 'ci-smoke', key: apiKey, scopes: ['customers:read'] }]),
};
delete env.REDIS_URL;
const child = spawn(process.execPath, ['dist/main.js'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
let output = '';
child.stdout.on('data', (chunk) => (output += chunk));
let exitedEarly = null;
const exited = new Promise((resolve) =>
  child.on('exit', (code, signal) => {
    exitedEarly = code ?? signal;
    resolve({ code, signal });
  }),
);
const started = Date.now();
const until = async (condition, what, ms = 60_000) => {
  while (!(await condition())) {
    if (exitedEarly !== null) throw new Error(`dist/main.js exited (${exitedEarly}) while waiting for ${what}; output so far:\n${output}`);
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}; output so far:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

try {
  await until(() => /GraphQL and GraphiQL at (http:\/\/[^ ]+)\/graphql/.test(output), 'the start-up line');
  const base = /GraphQL and GraphiQL at (http:\/\/[^ ]+)\/graphql/.exec(output)[1];
  if (base.endsWith(':0')) fail(`the start-up line names port 0 instead of the bound port: ${base}`);
  await until(async () => (await fetch(`${base}/readiness`).catch(() => null))?.status === 200, '/readiness 200');
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'ci-smoke-1', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query: '{ customer(id: "stigg:user_000001") { id name } }' }),
  });
  const body = await response.json();
  if (body.data?.customer?.id !== 'stigg:user_000001') fail(`unexpected answer: ${JSON.stringify(body)}`);
  if (response.headers.get('x-request-id') !== 'ci-smoke-1') fail('x-request-id not echoed');
  await until(() => output.includes('"requestId":"ci-smoke-1"'), 'the request log line', 10_000);
  const line = JSON.parse(output.split('\n').find((entry) => entry.includes('"requestId":"ci-smoke-1"')));
  if (line.msg !== 'graphql request' || line.upstreamCalls?.stigg !== 1) fail(`unexpected log line: ${JSON.stringify(line)}`);
  const metrics = await (await fetch(`${base}/metrics`)).text();
  if (!/customer_graph_upstream_requests_total\{provider="stigg",method="GET",route="\/api\/v1\/customers\/\{customerId\}",status="200"\} 1/.test(metrics)) {
    fail('/metrics lacks the Stigg call');
  }
  console.log(`smoke: dist/main.js answered at ${base} (started in ${Date.now() - started} ms); log line and /metrics agree`);
} catch (error) {
  fail(error.message);
} finally {
  child.kill('SIGTERM');
  const { code, signal } = await exited;
  if (code !== 0) fail(`exit after SIGTERM was ${code ?? signal}, not 0`);
  else console.log('smoke: SIGTERM → drained and exited 0');
}
