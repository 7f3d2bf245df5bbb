import type { Locale } from "../../../common/identity.ts";

/**
 * The public report pages are served by the server as plain HTML forms that work without
 * JavaScript, not by this app: links to them load the whole page, in the app's language.
 */
export function reportPagePath(page: "report" | "followUp", locale: Locale): string {
  const path = page === "report" ? "/report" : "/report/follow-up";
  return `${path}?lang=${locale}`;
}
