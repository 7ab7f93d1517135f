import { isPlainObject } from '../shared/sandbox-http';
import { isPolarInputCountry, normalizePolarState, POLAR_INPUT_COUNTRIES } from './polar-countries';
import type { PolarAddress } from './polar-types';
import { readNullableString, type Issues, type Location } from './polar-validation';

const COUNTRY_EXPECTED = `${POLAR_INPUT_COUNTRIES.slice(0, -1).map((code) => `'${code}'`).join(', ')} or '${POLAR_INPUT_COUNTRIES.at(-1)}'`;
const ADDRESS_LINES = ['line1', 'line2', 'postal_code', 'city', 'state'] as const;

/** `AddressInput`: country upper-cased and checked; US and CA states normalised to `US-CA` form. */
export function readAddress(value: unknown, loc: Location, issues: Issues): PolarAddress | null | undefined {
  if (value === null) return null;
  if (!isPlainObject(value)) {
    issues.push({ type: 'model_attributes_type', loc, msg: 'Input should be a valid dictionary or object to extract fields from', input: value });
    return undefined;
  }
  const before = issues.length;
  const address: PolarAddress = { line1: null, line2: null, postal_code: null, city: null, state: null, country: '' };
  for (const field of ADDRESS_LINES) {
    if (value[field] === undefined) continue;
    const line = readNullableString(value[field], [...loc, field], issues);
    if (line !== undefined) address[field] = line;
  }
  const country = typeof value.country === 'string' ? value.country.toUpperCase() : value.country;
  if (country === undefined) issues.push({ type: 'missing', loc: [...loc, 'country'], msg: 'Field required', input: value });
  else if (typeof country !== 'string' || !isPolarInputCountry(country)) {
    issues.push({ type: 'enum', loc: [...loc, 'country'], msg: `Input should be ${COUNTRY_EXPECTED}`, input: country, ctx: { expected: COUNTRY_EXPECTED } });
  } else address.country = country;
  if (issues.length !== before) return undefined;
  if (address.state !== null) {
    const state = normalizePolarState(address.country, address.state);
    if ('error' in state) {
      issues.push({ type: 'value_error', loc, msg: `Value error, ${state.error}`, input: value, ctx: { error: {} } });
      return undefined;
    }
    address.state = state.state;
  }
  return address;
}
