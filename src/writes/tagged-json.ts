/** How a value travels through the state store as text. */
export interface Codec<T> {
  encode(value: T): string;
  decode(text: string): T;
  encodeError(error: unknown): string;
  decodeError(text: string): Error;
}

/**
 * JSON in which dates stay dates: a `Date` is written as `{"$date": iso}` and read back as a `Date`, so a
 * replayed customer's `createdAt` is the same value as the first answer's.
 */
export function stringifyTagged(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, item: unknown) {
    const original = this[key];
    return original instanceof Date ? { $date: original.toISOString() } : item;
  });
}

export function parseTagged(text: string): unknown {
  return JSON.parse(text, (_key, item: unknown) => {
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      const keys = Object.keys(item);
      if (keys.length === 1 && keys[0] === '$date') return new Date((item as { $date: string }).$date);
    }
    return item;
  });
}

/** Plain values; a thrown error comes back as an `Error` with its message and fields. */
export const taggedJson: Codec<never> = {
  encode: (value) => stringifyTagged(value),
  decode: (text) => parseTagged(text) as never,
  encodeError: (error) => stringifyTagged({ ...(error as object), name: (error as Error).name, message: (error as Error).message }),
  decodeError: (text) => Object.assign(new Error(), parseTagged(text) as object),
};
