/**
 * Query strings as Stigg's SDK writes them (Stainless `stringifyQuery`: qs with `arrayFormat: 'comma'` and
 * RFC 3986 encoding): keys and values percent-encoded, brackets included (`createdAt%5Bgt%5D=…`), arrays joined
 * with a comma before encoding (`a%2Cb`), undefined and null left out.
 */
export type StiggQueryValue = string | number | readonly string[] | null | undefined;

export function stiggQuery(entries: readonly (readonly [string, StiggQueryValue])[]): string {
  const parts: string[] = [];
  for (const [key, value] of entries) {
    if (value === undefined || value === null) continue;
    const joined = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : value.join(',');
    parts.push(`${encode(key)}=${encode(joined)}`);
  }
  return parts.join('&');
}

/** `encodeURIComponent` leaves `!'()*` alone; RFC 3986 (and qs) escape them too. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}
