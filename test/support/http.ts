/** Test-only JSON fetch: returns status, headers and the parsed body typed loosely for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export async function call(url: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: Loose; text: string }> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: Loose = null;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body, text };
}
