import type { CountryBaseline } from "../../../../../common/agreements.ts";

// Statutory baselines for the countries in the corpus. The research found no statutory hour limits
// or minimum wages, so those stay null until a sourced figure is added; the published country
// figures it did find (ILOSTAT via a mirror, national statistics) are kept as indicators.

const NOT_RESEARCHED = "Not in the research; to be sourced from national law or the ILO TRAVAIL database.";

const unknownHours = () => ({ value: null, sourceUrl: null, asOf: null, note: NOT_RESEARCHED });
const unknownWage = () => ({
  amount: null,
  currency: null,
  per: null,
  sourceUrl: null,
  asOf: null,
  note: NOT_RESEARCHED,
});

/** ILOSTAT values read from the Gapminder DDF mirror @ c50d060 (flags and sources stripped). */
const ILOSTAT_MIRROR = "https://github.com/open-numbers/ddf--ilo--ilostat";
const MIRROR_NOTE = "ILOSTAT value read from a third-party mirror; observation flags and source were stripped.";

function ilostat(indicator: "ILR_CBCT_NOC_RT" | "ILR_TUMT_NOC_RT", value: number, period: string) {
  return {
    indicator,
    label: indicator === "ILR_CBCT_NOC_RT" ? "Collective bargaining coverage rate (%)" : "Trade union density rate (%)",
    value,
    unit: "percent" as const,
    period,
    sourceUrl: ILOSTAT_MIRROR,
    basis: "seen_secondary" as const,
    note: MIRROR_NOTE,
  };
}

function baseline(country: string, indicators: CountryBaseline["indicators"] = [], notes: string[] = []) {
  return {
    country,
    maxDailyHours: unknownHours(),
    maxWeeklyHours: unknownHours(),
    minimumWage: unknownWage(),
    indicators,
    notes,
  } satisfies CountryBaseline;
}

export const BASELINES: CountryBaseline[] = [
  baseline("US", [
    ilostat("ILR_CBCT_NOC_RT", 12.1, "2020"),
    ilostat("ILR_TUMT_NOC_RT", 10.293, "2020"),
    {
      indicator: "bls-union-membership-rate",
      label: "Union membership rate, all wage and salary workers (BLS)",
      value: 9.9,
      unit: "percent",
      period: "2024",
      sourceUrl: "https://www.seafarers.org/bls-issues-annual-union-density-report/",
      basis: "seen",
      note: "14.3 million members.",
    },
    {
      indicator: "epi-union-coverage-motion-picture-sound-recording",
      label: "Union coverage, motion picture and sound recording industries (EPI, CPS)",
      value: 10.2,
      unit: "percent",
      period: "2024",
      sourceUrl: "https://files.epi.org/uploads/union-table2-december-2024.html",
      basis: "seen",
      note: "Down from 14.7% in 2019.",
    },
    {
      indicator: "epi-union-coverage-broadcasting",
      label: "Union coverage, broadcasting (EPI, CPS)",
      value: 9.7,
      unit: "percent",
      period: "2024",
      sourceUrl: "https://files.epi.org/uploads/union-table2-december-2024.html",
      basis: "seen",
      note: null,
    },
  ]),
  baseline("CA"),
  baseline("DE", [
    ilostat("ILR_CBCT_NOC_RT", 51.8, "2019"),
    ilostat("ILR_TUMT_NOC_RT", 16.255, "2019"),
    {
      indicator: "destatis-cb-coverage",
      label: "Employees in firms bound by a collective agreement (Destatis)",
      value: 49,
      unit: "percent",
      period: "2024",
      sourceUrl: "https://www.presseportal.de/pm/32102/5995658",
      basis: "seen",
      note: "New data basis from 2022, not comparable with earlier years or with the ILOSTAT series.",
    },
    {
      indicator: "destatis-cb-coverage-arts-entertainment",
      label: "Collective agreement coverage, arts, entertainment and recreation (Destatis)",
      value: 21,
      unit: "percent",
      period: "2022",
      sourceUrl: "https://24hoursworlds.com/economy/451191/",
      basis: "seen_secondary",
      note: "Reported in secondary sources.",
    },
  ]),
  baseline("IT"),
  baseline(
    "BE",
    [ilostat("ILR_CBCT_NOC_RT", 96, "2019"), ilostat("ILR_TUMT_NOC_RT", 49.082, "2019")],
    [
      "Sector scale, not statutory: the Joint Committee 304 employee minimum for a beginner artist is €2,803 a month (French-speaking) and €3,217 (Flemish), per https://feas.be/nos-priorites/conditions-de-travail.",
    ],
  ),
  baseline("NL"),
  baseline("SN", [ilostat("ILR_CBCT_NOC_RT", 10.1, "2019"), ilostat("ILR_TUMT_NOC_RT", 7.356, "2019")]),
  baseline("GB"),
  baseline("AU"),
];
