import { type ReportFigures, reportFiguresSchema } from "../../../../common/reports.ts";
import { apiRequest } from "../../lib/api.ts";
import { figuresQuery } from "./figures-format.ts";

export interface FiguresFilters {
  /** "" for every organization. */
  organizationId: string;
  /** "" for every country. */
  country: string;
}

export function getFigures(filters: FiguresFilters): Promise<ReportFigures> {
  return apiRequest(`/api/v1/reports/figures${figuresQuery(filters)}`, { schema: reportFiguresSchema });
}

/** The same figures as a spreadsheet, one row per cell; the server sends it as a download. */
export function figuresCsvPath(filters: FiguresFilters): string {
  return `/api/v1/reports/figures.csv${figuresQuery(filters)}`;
}
