import type { Locale } from "../../../../common/identity.ts";
import { type ReportFigures, SMALL_CELL } from "../../../../common/reports.ts";

/**
 * A figure as it may be shown. The server hides every count under SMALL_CELL, and when only one
 * count of a breakdown would be hidden it hides the next smallest too (which may be larger), so a
 * hidden count is "fewer than 5" only when that much is certain; otherwise it is just "hidden".
 */
export type Shown =
  | { kind: "count"; value: number }
  | { kind: "fewerThan"; limit: number }
  | { kind: "atLeast"; value: number }
  | { kind: "hidden" };

type Cell = { count: number | null };

/**
 * Whether every hidden cell of a breakdown is surely under SMALL_CELL: always when the whole total
 * is, and otherwise unless exactly two are hidden (one small count and the next smallest with it).
 */
export function hiddenAreSmall(cells: readonly Cell[], totalHidden: boolean): boolean {
  return totalHidden || cells.filter((cell) => cell.count === null).length !== 2;
}

/** The sum of some cells of one breakdown (a month's categories, a category's months, or one cell). */
export function shownSum(cells: readonly Cell[], context: { small: boolean; totalHidden: boolean }): Shown {
  const known = cells.reduce((sum, cell) => sum + (cell.count ?? 0), 0);
  const hidden = cells.filter((cell) => cell.count === null).length;
  if (hidden === 0) return { kind: "count", value: known };
  // Nothing can add up to more than a hidden total.
  if (context.totalHidden) return { kind: "fewerThan", limit: SMALL_CELL };
  if (hidden === 1 && known === 0 && context.small) return { kind: "fewerThan", limit: SMALL_CELL };
  if (known === 0) return { kind: "hidden" };
  // Every cell the server lists counts at least one report.
  return { kind: "atLeast", value: known + hidden };
}

export interface FigureRow<Key extends string> {
  key: Key;
  shown: Shown;
}

/** Reports received per month (oldest first) and per category (most first), from the month × category cells. */
export function receivedBreakdowns(figures: ReportFigures): {
  byMonth: FigureRow<string>[];
  byCategory: FigureRow<string>[];
} {
  const totalHidden = figures.total === null;
  const context = { small: hiddenAreSmall(figures.received, totalHidden), totalHidden };
  const group = (keyOf: (cell: ReportFigures["received"][number]) => string) => {
    const groups = new Map<string, Cell[]>();
    for (const cell of figures.received) {
      groups.set(keyOf(cell), [...(groups.get(keyOf(cell)) ?? []), cell]);
    }
    // A group that holds every cell adds up to the total, which is shown whenever it is 5 or more.
    const { total } = figures;
    if (groups.size === 1 && total !== null) {
      return [...groups.keys()].map((key): FigureRow<string> => ({ key, shown: { kind: "count", value: total } }));
    }
    return [...groups].map(([key, cells]) => ({ key, shown: shownSum(cells, context) }));
  };
  const byMonth = group((cell) => cell.month).sort((a, b) => a.key.localeCompare(b.key));
  const byCategory = group((cell) => cell.category).sort((a, b) => lowerBound(b.shown) - lowerBound(a.shown));
  return { byMonth, byCategory };
}

export function outcomeRows(figures: ReportFigures): FigureRow<ReportFigures["outcomes"][number]["outcome"]>[] {
  const totalHidden = figures.total === null;
  const context = { small: hiddenAreSmall(figures.outcomes, totalHidden), totalHidden };
  return figures.outcomes.map((cell) => ({ key: cell.outcome, shown: shownSum([cell], context) }));
}

/** The least the figure can be, for drawing it. */
export function lowerBound(shown: Shown): number {
  return shown.kind === "count" || shown.kind === "atLeast" ? shown.value : 0;
}

/** "Oct 2026" from "2026-10", in the reader's language. */
export function formatMonth(month: string, locale: Locale): string {
  const when = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(when.getTime())
    ? month
    : new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(when);
}

export function formatDays(days: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: "day",
    unitDisplay: "long",
    maximumFractionDigits: 1,
  }).format(days);
}

export function formatShare(share: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(share);
}

/** The figures' query string, with only the filters chosen. */
export function figuresQuery(filters: { organizationId: string; country: string }): string {
  const query = new URLSearchParams();
  if (filters.organizationId) query.set("organizationId", filters.organizationId);
  if (filters.country) query.set("country", filters.country);
  const text = query.toString();
  return text ? `?${text}` : "";
}
