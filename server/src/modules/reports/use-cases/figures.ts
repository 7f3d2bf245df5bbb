import { type ReportFigures, SMALL_CELL } from "../../../../../common/reports.ts";
import type { Db } from "../../../platform/db/database.ts";
import { toCsv } from "../../../platform/http/csv.ts";
import { countFigures } from "../reports.repository.ts";

/**
 * Public figures for an organization and/or a country, from what is kept in clear: counts under
 * SMALL_CELL are suppressed, and when a breakdown would hide exactly one cell, the next smallest
 * is hidden too, so that no suppressed count can be worked out from the total.
 */
export async function reportFigures(
  db: Db,
  filter: { organizationId?: string; country?: string },
  now: Date,
): Promise<ReportFigures> {
  const counted = await countFigures(db, filter, now);
  const total = counted.received.reduce((sum, cell) => sum + cell.count, 0);
  return {
    organizationId: filter.organizationId ?? null,
    country: filter.country ?? null,
    total: total < SMALL_CELL ? null : total,
    received: suppress(counted.received),
    outcomes: suppress(counted.outcomes),
    medianDaysToAcknowledge: counted.acknowledged >= SMALL_CELL ? round(counted.medianDaysToAcknowledge) : null,
    medianDaysToResolve: counted.resolved >= SMALL_CELL ? round(counted.medianDaysToResolve) : null,
    overdueShare: counted.open >= SMALL_CELL ? round(counted.overdue / counted.open) : null,
  };
}

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

/** Small counts become null; a lone hidden cell takes the next smallest with it. */
export function suppress<Cell extends { count: number }>(
  cells: Cell[],
): (Omit<Cell, "count"> & { count: number | null })[] {
  const hidden = new Set(cells.filter((cell) => cell.count < SMALL_CELL));
  if (hidden.size === 1) {
    const nextSmallest = cells.filter((cell) => !hidden.has(cell)).sort((a, b) => a.count - b.count)[0];
    if (nextSmallest) hidden.add(nextSmallest);
  }
  return cells.map((cell) => ({ ...cell, count: hidden.has(cell) ? null : cell.count }));
}

/** The figures as CSV, one row per cell; suppressed cells say so instead of a number. */
export function figuresToCsv(figures: ReportFigures): string {
  const count = (value: number | null) => (value === null ? "suppressed" : String(value));
  return toCsv([
    ["figure", "month", "category", "outcome", "value"],
    ["reports received", "", "", "", count(figures.total)],
    ...figures.received.map((cell) => ["reports received", cell.month, cell.category, "", count(cell.count)]),
    ...figures.outcomes.map((cell) => ["outcome", "", "", cell.outcome, count(cell.count)]),
    ["median days to acknowledge", "", "", "", count(figures.medianDaysToAcknowledge)],
    ["median days to resolve", "", "", "", count(figures.medianDaysToResolve)],
    ["share of open reports overdue", "", "", "", count(figures.overdueShare)],
  ]);
}
