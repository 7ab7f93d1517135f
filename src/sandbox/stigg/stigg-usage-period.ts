import type { StiggResetPeriod } from './stigg-catalog';

export interface UsagePeriod {
  start: Date;
  end: Date;
}

const FIXED_PERIOD_MS: Record<'WEEK' | 'DAY' | 'HOUR', number> = {
  WEEK: 7 * 24 * 3600 * 1000,
  DAY: 24 * 3600 * 1000,
  HOUR: 3600 * 1000,
};

/**
 * The usage period containing `now` for a reset period anchored at the subscription start. Monthly periods keep
 * the anchor's day of month, clamped to shorter months (an anchor on the 31st resets on 30 April), as billing
 * systems do; before the anchor, the first period is returned.
 */
export function usagePeriod(anchor: Date, resetPeriod: StiggResetPeriod, now: Date): UsagePeriod {
  if (resetPeriod === 'MONTH' || resetPeriod === 'YEAR') {
    const step = resetPeriod === 'MONTH' ? 1 : 12;
    const monthsApart = (now.getUTCFullYear() - anchor.getUTCFullYear()) * 12 + (now.getUTCMonth() - anchor.getUTCMonth());
    let index = Math.max(0, Math.floor(monthsApart / step));
    if (index > 0 && addMonths(anchor, index * step).getTime() > now.getTime()) index--;
    return { start: addMonths(anchor, index * step), end: addMonths(anchor, (index + 1) * step) };
  }
  const length = FIXED_PERIOD_MS[resetPeriod];
  const index = Math.max(0, Math.floor((now.getTime() - anchor.getTime()) / length));
  return { start: new Date(anchor.getTime() + index * length), end: new Date(anchor.getTime() + (index + 1) * length) };
}

function addMonths(anchor: Date, months: number): Date {
  const year = anchor.getUTCFullYear();
  const month = anchor.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(anchor.getUTCDate(), lastDay);
  return new Date(Date.UTC(year, month, day, anchor.getUTCHours(), anchor.getUTCMinutes(), anchor.getUTCSeconds(), anchor.getUTCMilliseconds()));
}
