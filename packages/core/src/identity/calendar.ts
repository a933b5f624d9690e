/** Calendar arithmetic done by hand, because `Date` maps years 0–99 to 1900–1999. */

export interface CalendarDay {
  year: number;
  /** `YYYY-MM-DD`; ISO strings of four-digit years compare correctly as strings. */
  iso: string;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  const days = DAYS_IN_MONTH[month - 1];
  if (days === undefined || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : days);
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// Birth dates are Swedish calendar dates, so "today" is today in Stockholm, not in UTC:
// a child born just after midnight must not be "in the future" until 01:00/02:00 UTC.
const stockholm = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function calendarDayInStockholm(instant: Date): CalendarDay {
  const parts = stockholm.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  const year = part('year');
  return { year, iso: isoDate(year, part('month'), part('day')) };
}
