import { createServer, type Server } from 'node:http';
import type { App } from '../../src/app';
import { closeServer, listenOnLoopback } from './loopback';
import { attachWebSockets, type WebSocketEndpoint } from '../../src/websocket-server';

/** The gateway on a real loopback port (webhooks from the sandbox, SSE and WebSocket subscribers need one). */
export async function listen(app: App): Promise<{ url: string; server: Server; webSockets: WebSocketEndpoint; close(): Promise<void> }> {
  const server = createServer(app.yoga);
  const webSockets = attachWebSockets(server, app.yoga);
  const url = await listenOnLoopback(server);
  return {
    url,
    server,
    webSockets,
    close: async () => {
      await webSockets.close();
      await closeServer(server);
    },
  };
}

/** Reads `text/event-stream` frames from a yoga SSE subscription; `next()` resolves with each payload. */
export async function openEventStream(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const payloads: unknown[] = [];
  // A read outlives a timed-out wait: the next wait takes its chunk instead of losing it.
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  const next = async (timeoutMs = 5_000): Promise<any> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const frame = buffer.indexOf('\n\n');
      if (frame >= 0) {
        const block = buffer.slice(0, frame);
        buffer = buffer.slice(frame + 2);
        const data = block.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n');
        if (data !== '' && /event: next|^data:/m.test(block)) {
          const payload = JSON.parse(data);
          payloads.push(payload);
          return payload;
        }
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no event in time');
      pending ??= reader.read();
      const chunk = await Promise.race([pending, new Promise<null>((resolve) => setTimeout(() => resolve(null), left))]);
      if (chunk === null) throw new Error('no event in time');
      pending = null;
      if (chunk.done) throw new Error('stream ended');
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  };
  return { status: response.status, next, payloads, close: () => controller.abort() };
}
