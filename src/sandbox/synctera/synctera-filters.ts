import { CUSTOMER_STATUSES, type SyncteraCustomer } from './synctera-types';

/** The field filters of `GET /v0/customers`; they combine with AND. */
export type Predicate = (customer: SyncteraCustomer) => boolean;

/** Adds one predicate per filter given; returns the problem with the first bad value, or null. */
export function addFilters(query: URLSearchParams, predicates: Predicate[]): string | null {
  const hasAccounts = query.get('has_accounts');
  if (hasAccounts !== null) {
    // Go's strconv.ParseBool spellings, which Synctera's Go services accept.
    const truth = ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(hasAccounts);
    if (!truth && !['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(hasAccounts)) return 'has_accounts must be true or false';
    predicates.push((customer) => customer.has_accounts === truth);
  }
  const ssnLast4 = query.get('ssn_last_4');
  if (ssnLast4 !== null) {
    if (ssnLast4.length !== 4) return 'ssn_last_4 must be exactly 4 characters';
    predicates.push((customer) => customer.ssn === ssnLast4);
  }
  const status = query.get('status');
  if (status !== null) {
    if (!(CUSTOMER_STATUSES as readonly string[]).includes(status)) return `status must be one of ${CUSTOMER_STATUSES.join(', ')}`;
    predicates.push((customer) => customer.status === status);
  }
  // The customer object has no chosen_name, so `first_name` ("first_name or chosen_name") matches first_name.
  for (const field of ['first_name', 'last_name', 'email', 'phone_number'] as const) {
    const pattern = query.get(field);
    if (pattern === null) continue;
    const matches = wildcardMatcher(pattern);
    predicates.push((customer) => customer[field] !== undefined && matches(customer[field] as string));
  }
  return null;
}

/**
 * "Any * characters in the string are wildcards, and match any characters." Matching is case-insensitive: the
 * docs are silent, and an email or a name typed by a support agent should not miss on capitalisation.
 * A glob matcher rather than a regular expression, so that no pattern can make matching slow.
 */
export function wildcardMatcher(pattern: string): (value: string) => boolean {
  const wanted = pattern.toLowerCase();
  if (!wanted.includes('*')) return (value) => value.toLowerCase() === wanted;
  return (value) => globMatches(wanted, value.toLowerCase());
}

/** Greedy matching with a single backtrack point (the last `*`): O(pattern × value) at worst. */
function globMatches(pattern: string, value: string): boolean {
  let patternIndex = 0;
  let valueIndex = 0;
  let lastStar = -1;
  let resumeAt = 0;
  while (valueIndex < value.length) {
    const expected = pattern[patternIndex];
    if (expected !== undefined && expected !== '*' && expected === value[valueIndex]) {
      patternIndex++;
      valueIndex++;
    } else if (expected === '*') {
      lastStar = patternIndex++;
      resumeAt = valueIndex;
    } else if (lastStar >= 0) {
      // Let the last `*` swallow one more character and try again from there.
      patternIndex = lastStar + 1;
      valueIndex = ++resumeAt;
    } else {
      return false;
    }
  }
  while (pattern[patternIndex] === '*') patternIndex++;
  return patternIndex === pattern.length;
}
