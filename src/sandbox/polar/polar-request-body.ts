import { parseJsonBody } from '../shared/sandbox-http';
import type { PolarValidationIssue } from './polar-errors';
import type { Issues, Location } from './polar-validation';

/** FastAPI's errors for a JSON body that is missing or does not parse; otherwise the parsed value. */
export function readJsonRequestBody(body: string): { value: unknown } | { issue: PolarValidationIssue } {
  const parsed = parseJsonBody(body);
  if (parsed === undefined) return { issue: { type: 'missing', loc: ['body'], msg: 'Field required', input: null } };
  if (parsed instanceof SyntaxError) {
    // Node names the offset ("... at position 12"); FastAPI puts it in `loc`.
    const position = Number(/position (\d+)/.exec(parsed.message)?.[1] ?? 0);
    return { issue: { type: 'json_invalid', loc: ['body', position], msg: 'JSON decode error', input: {}, ctx: { error: 'Expecting value' } } };
  }
  return { value: parsed };
}

const HEX = /^[0-9a-fA-F]$/;
const GROUP_LENGTHS = [8, 4, 4, 4, 12];
/** Lower-case, hyphenated, version 4: what `readUuid4` answers, so such a value comes back unchanged. */
const CANONICAL_UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Why pydantic-core refuses a UUID string, in its own words; null when it parses. */
function uuidProblem(text: string): string | null {
  const body = text.startsWith('urn:uuid:') ? text.slice(9) : text;
  for (let index = 0; index < body.length; index++) {
    const character = body[index] as string;
    if (!HEX.test(character) && character !== '-') {
      return `invalid character: expected an optional prefix of \`urn:uuid:\` followed by [0-9a-fA-F-], found \`${character}\` at ${index + 1}`;
    }
  }
  if (!body.includes('-')) return body.length === 32 ? null : `invalid length: expected length 32 for simple format, found ${body.length}`;
  const groups = body.split('-');
  if (groups.length !== 5) return `invalid group count: expected 5, found ${groups.length}`;
  for (let index = 0; index < 5; index++) {
    const found = (groups[index] as string).length;
    if (found !== GROUP_LENGTHS[index]) return `invalid group length in group ${index}: expected ${GROUP_LENGTHS[index]}, found ${found}`;
  }
  return null;
}

/** `UUID4`: parsed to the canonical lower-case form, version 4 required. */
export function readUuid4(value: unknown, loc: Location, issues: Issues): string | undefined {
  // Already canonical (how every client sends ids): nothing to parse, the answer is the value itself.
  if (typeof value === 'string' && CANONICAL_UUID4.test(value)) return value;
  if (typeof value !== 'string') {
    issues.push({ type: 'uuid_type', loc, msg: 'UUID input should be a string, bytes or UUID object', input: value });
    return undefined;
  }
  const problem = uuidProblem(value);
  if (problem !== null) {
    issues.push({ type: 'uuid_parsing', loc, msg: `Input should be a valid UUID, ${problem}`, input: value, ctx: { error: problem } });
    return undefined;
  }
  const hex = value.replace(/^urn:uuid:/, '').replace(/-/g, '').toLowerCase();
  if (hex[12] !== '4') {
    issues.push({ type: 'uuid_version', loc, msg: 'UUID version 4 expected', input: value, ctx: { expected_version: 4 } });
    return undefined;
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
