/** Deadlines of EU directive 2019/1937: acknowledge within 7 days, feedback within 3 months. */
export const DEFAULT_DEADLINES = { acknowledgeDays: 7, feedbackMonths: 3 } as const;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 24 * 60 * 60 * 1000);
}

/** The same day `months` later, or the month's last day when it is shorter (30 November + 3 → 28/29 February). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return result;
}
