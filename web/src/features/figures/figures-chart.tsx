import { SMALL_CELL } from "../../../../common/reports.ts";
import { lowerBound, type Shown } from "./figures-format.ts";
import { ShownText } from "./shown-text.tsx";

export interface ChartRow {
  key: string;
  label: string;
  shown: Shown;
}

/**
 * Horizontal bars, one row per figure, each with its label and value in words above it so a
 * phone screen needs no axis. Hidden parts are drawn open and dashed, never as nothing. The table
 * that follows gives screen readers the same figures, so the chart itself is left out for them.
 */
export function BarChart({ rows }: { rows: readonly ChartRow[] }) {
  const scale = Math.max(SMALL_CELL, ...rows.map((row) => lowerBound(row.shown)));
  const percent = (value: number) => `${Math.min(100, (value / scale) * 100)}%`;
  return (
    <div className="bar-chart" aria-hidden="true">
      {rows.map((row) => (
        <div className="bar-chart__row" key={row.key}>
          <div className="bar-chart__text">
            <span className="bar-chart__label">{row.label}</span>
            <span className="bar-chart__value">
              <ShownText shown={row.shown} />
            </span>
          </div>
          <div className="bar-chart__track">
            {lowerBound(row.shown) > 0 ? (
              <span className="bar-chart__bar" style={{ width: percent(lowerBound(row.shown)) }} />
            ) : null}
            {row.shown.kind === "fewerThan" ? (
              <span className="bar-chart__hidden" style={{ width: percent(row.shown.limit) }} />
            ) : row.shown.kind !== "count" ? (
              <span className="bar-chart__hidden bar-chart__hidden--open" />
            ) : null}
          </div>
        </div>
      ))}
    </div>
  );
}
