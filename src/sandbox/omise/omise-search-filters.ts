import { parseTime } from './omise-list-params';

/** Inclusive bounds in milliseconds. */
export interface TimeRange {
  fromMs: number;
  toMs: number;
}

const DAY_MS = 24 * 3600 * 1000;
const DATE = /^\d{4}[-/]\d{2}[-/]\d{2}$/;

/**
 * `filters[created]`: one day (`2016-09-09`), one instant, or a range `a..b` whose ends are dates or ISO 8601
 * date-times (a date as the upper end includes that whole day). The docs show ranges with `..` and dates in both
 * `2016-09-09` and `2025/01/01` forms; date-times and open ends (`a..`, `..b`) are accepted too, since the docs
 * are silent on them and a range without them cannot express "after this instant". Relative words (`today`,
 * `last_week`) are not served.
 */
export function createdFilter(value: string): TimeRange | 'invalid' {
  const parts = value.split('..');
  if (parts.length > 2) return 'invalid';
  if (parts.length === 1) {
    const single = (parts[0] as string).trim();
    const start = bound(single, 'start');
    const end = bound(single, 'end');
    return start === null || end === null ? 'invalid' : { fromMs: start, toMs: end };
  }
  const [lower, upper] = parts.map((part) => part.trim()) as [string, string];
  if (lower === '' && upper === '') return 'invalid';
  const fromMs = lower === '' ? 0 : bound(lower, 'start');
  const toMs = upper === '' ? Number.MAX_SAFE_INTEGER : bound(upper, 'end');
  if (fromMs === null || toMs === null) return 'invalid';
  return { fromMs, toMs };
}

function bound(text: string, side: 'start' | 'end'): number | null {
  if (DATE.test(text)) {
    const start = parseTime(text.replace(/\//g, '-'));
    if (start === null) return null;
    return side === 'start' ? start : start + DAY_MS - 1;
  }
  return parseTime(text);
}
