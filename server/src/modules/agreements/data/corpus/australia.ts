import type { Agreement } from "../../../../../../common/agreements.ts";
import { dates, finding, seen, source, summary, text, UNKNOWN_COVERAGE } from "./helpers.ts";

const AU = {
  textingTactics: "https://textingtactics.com/collective-agreement-definition-australia-2897",
  accc: "https://accc.gov.au/about-us/media/media-updates/accc-grants-interim-authorisation-to-enable-spa-to-negotiate-on-behalf-of-members",
};

const actorsFeatureFilm2012: Agreement = {
  id: "au-meaa-spa-actors-feature-film-2012",
  title: "Actors Feature Film Collective Agreement 2012",
  titleEn: null,
  titleKind: "official",
  status: "concluded",
  parties: [
    { name: "Media, Entertainment & Arts Alliance (MEAA)", role: "union" },
    { name: "Screen Producers Australia (SPA)", role: "employer_association" },
  ],
  countries: ["AU"],
  subdivisions: [],
  level: "sector",
  sectors: ["film"],
  occupations: ["performer"],
  coverage: UNKNOWN_COVERAGE,
  workersCovered: null,
  dates: dates({ inForceFrom: "2012" }),
  languages: ["en"],
  lineage: [],
  sources: [
    source(
      AU.textingTactics,
      "Collective agreement definition (Australia), listing the agreement's clauses",
      "secondary",
    ),
    source(AU.accc, "ACCC: interim authorisation for SPA to negotiate on behalf of members", "primary"),
  ],
  clauses: [
    summary("annual-leave", "cl. 16", "Annual leave.", []),
    summary("anti-discrimination", "cl. 46", "Anti-discrimination.", [
      finding({
        code: "OSH.HARASSMENT",
        evidence: seen(AU.textingTactics, "Clause list includes anti-discrimination (cl. 46)"),
      }),
    ]),
    summary(
      "contractor-bargaining",
      null,
      "The competition regulator gave Screen Producers Australia interim authorisation to bargain collectively with the writers', actors' and directors' organisations on model terms for independent contractors: minimum rates, termination, dispute resolution, copyright, moral rights and credit.",
      [
        finding({
          code: "COV.SELF_EMPLOYED_SCOPE",
          appliesTo: "freelancer",
          value: text(
            "ACCC interim authorisation for collective bargaining on model terms for independent contractors",
          ),
          confidence: 0.5,
          evidence: seen(AU.accc, "Interim authorisation covering AWG, MEAA and ADG"),
          note: "Applies to SPA's bargaining generally, not specifically to this 2012 agreement.",
        }),
      ],
    ),
  ],
  notes: ["Annual leave (cl. 16) has no taxonomy code; the clause is kept without findings."],
};

export const AUSTRALIA_AGREEMENTS: Agreement[] = [actorsFeatureFilm2012];
