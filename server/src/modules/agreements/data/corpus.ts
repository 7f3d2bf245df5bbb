import type { Agreement } from "../../../../../common/agreements.ts";
import { AUSTRALIA_AGREEMENTS } from "./corpus/australia.ts";
import { BENELUX_AGREEMENTS } from "./corpus/benelux.ts";
import { CANADA_AGREEMENTS } from "./corpus/canada.ts";
import { GERMANY_AGREEMENTS } from "./corpus/germany.ts";
import { ITALY_AGREEMENTS } from "./corpus/italy.ts";
import { SENEGAL_AGREEMENTS } from "./corpus/senegal.ts";
import { UNITED_KINGDOM_AGREEMENTS } from "./corpus/united-kingdom.ts";
import { US_MEDIA_AGREEMENTS } from "./corpus/us-media.ts";
import { US_SCREEN_AGREEMENTS } from "./corpus/us-screen.ts";

/**
 * The seed library: the 28 agreements of research/agreements.md §4, in that order. Clause texts are
 * summaries in our own words; every finding cites the source it rests on and how it is known.
 */
export const AGREEMENTS: Agreement[] = [
  ...US_SCREEN_AGREEMENTS,
  ...US_MEDIA_AGREEMENTS,
  ...CANADA_AGREEMENTS,
  ...GERMANY_AGREEMENTS,
  ...ITALY_AGREEMENTS,
  ...BENELUX_AGREEMENTS,
  ...SENEGAL_AGREEMENTS,
  ...UNITED_KINGDOM_AGREEMENTS,
  ...AUSTRALIA_AGREEMENTS,
];
