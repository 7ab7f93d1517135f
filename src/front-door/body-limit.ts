import type { Plugin } from 'graphql-yoga';

/**
 * Refuses a request body larger than `limit` bytes with 413, before anything parses it: by its Content-Length
 * when given, else by counting while reading (a chunked body stops being read at the limit). It runs first of
 * all plugins: a chunked body is replaced by the bytes read, and every later plugin must see that request.
 */
export function bodyLimitPlugin(limit: number): Plugin {
  return {
    onRequest: async ({ request, setRequest, endResponse, fetchAPI }) => {
      if (request.body === null || request.method === 'GET' || request.method === 'HEAD') return;
      const length = request.headers.get('content-length');
      if (length !== null) {
        // The server reads no more than Content-Length, so a declared size within the limit is the whole story.
        if (Number(length) > limit) return endResponse(tooLarge(limit, fetchAPI.Response));
        return;
      }
      const reader = request.body.getReader();
      const chunks: Uint8Array[] = [];
      let size = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > limit) {
          await reader.cancel().catch(() => undefined);
          return endResponse(tooLarge(limit, fetchAPI.Response));
        }
        chunks.push(value);
      }
      const body = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        body.set(chunk, offset);
        offset += chunk.byteLength;
      }
      setRequest(new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal }));
    },
  };
}

function tooLarge(limit: number, ResponseClass: typeof Response): Response {
  return new ResponseClass(JSON.stringify({ errors: [{ message: `The request body is larger than ${limit} bytes.`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }), {
    status: 413,
    headers: { 'content-type': 'application/json' },
  });
}
