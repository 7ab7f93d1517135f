import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import type { AttemptControl } from './attempt-control';

/** A whole answer: its status, its headers (names in lower case) and its body as text. */
export interface Exchanged {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/**
 * One HTTP request and its whole answer, through undici's dispatcher with a handler of its own rather than
 * `request()` and `body.text()`: a provider's JSON answer is read whole anyway, so the body stream, its
 * AsyncResource and the AbortSignal listener that `request()` makes for every call are work nobody asked for (#11).
 * What undici does is unchanged: the pool, keep-alive, the headers and body timeouts in `options`, and its errors
 * (`UND_ERR_HEADERS_TIMEOUT`, `ECONNREFUSED`, …), which reject as they did. The attempt's control cancels it; a
 * cancelled exchange rejects with the control's reason.
 */
export function exchange(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions, control: AttemptControl): Promise<Exchanged> {
  if (control.aborted) return Promise.reject(control.reason);
  return new Promise<Exchanged>((resolve, reject) => {
    let status = 0;
    let headers: IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(controller) {
        // Called at once when the attempt has already been stopped while the request waited for a socket.
        control.onAbort((reason) => controller.abort(reason as Error));
      },
      onResponseStart(_controller, statusCode, responseHeaders) {
        // Called again for the real answer after an informational one (103 Early Hints): the last one stands.
        status = statusCode;
        headers = responseHeaders;
      },
      onResponseData(_controller, chunk) {
        chunks.push(chunk);
      },
      onResponseEnd() {
        control.onAbort(undefined);
        resolve({ status, headers, text: decode(chunks) });
      },
      onResponseError(_controller, error) {
        control.onAbort(undefined);
        reject(error);
      },
    };
    try {
      dispatcher.dispatch(options, handler);
    } catch (error) {
      control.onAbort(undefined);
      reject(error);
    }
  });
}

/** UTF-8, without a byte order mark (as undici's `body.text()` reads it). */
function decode(chunks: Buffer[]): string {
  const text = chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
