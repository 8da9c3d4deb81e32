import { InvalidDateError } from "../../errors/plan-errors.ts";

/**
 * Calendar dates as `YYYY-MM-DD` strings, computed in UTC so a plan is the same on every machine
 * and in every time zone (a plan has days, not instants).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Parses `YYYY-MM-DD` into a UTC midnight; InvalidDateError for anything else or a day that does not exist. */
export function parseIsoDate(text: string): Date {
  const match = ISO_DATE.exec(text);
  if (match === null) throw new InvalidDateError(text, "it is not written YYYY-MM-DD");
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1900 ||
    year > 2999 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    throw new InvalidDateError(text, "no such day, or a year outside 1900–2999");
  }
  return date;
}

export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Today on this machine's calendar, as a UTC midnight. */
export function today(now = new Date()): Date {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

/** `months` calendar months after `date`; a day past the month's end is its last day (Jan 31 + 1 → Feb 28). */
export function addMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)));
}

/**
 * The day at a fractional month position after `start`: whole calendar months, then the fraction
 * of the next month's days (2.5 months after Jan 4 → Mar 4 + 15 or 16 days), to the nearest day.
 */
export function dateAtMonth(start: Date, position: number): Date {
  const whole = Math.floor(position);
  const from = addMonths(start, whole);
  const to = addMonths(start, whole + 1);
  return addDays(from, Math.round((position - whole) * daysBetween(from, to)));
}
