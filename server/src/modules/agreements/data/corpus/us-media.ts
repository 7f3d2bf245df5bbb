import type { Agreement } from "../../../../../../common/agreements.ts";
import {
  coverage,
  dates,
  duration,
  finding,
  money,
  num,
  pct,
  per,
  ROW_SOURCE,
  SAG_AFTRA,
  seen,
  seen2nd,
  source,
  summary,
  text,
  times,
  UNKNOWN_COVERAGE,
} from "./helpers.ts";

// --- Sound Recordings Code -------------------------------------------------------------------

const SRC = {
  z89: "https://z89online.com/2024/05/sag-aftra-members-ratify-sound-recordings-contract-providing-key-ai-guardrails/",
  musicWeek:
    "https://www.musicweek.com:443/labels/read/sag-aftra-reaches-new-deal-with-major-labels-covering-ethical-and-responsible-use-of-ai/089594",
  projectCasting: "https://www.projectcasting.com/blog/news/sag-aftra-sound-recordings-code-2024/",
  aiTrace: "https://www.aitrace.org/company/sag-aftra/practice/c3d40e9e-fb14-4c5b-9bcf-4e026fc437cb",
};

const soundRecordings: Agreement = {
  id: "us-sag-aftra-sound-recordings-code-2021",
  title: "Sound Recordings Code",
  titleEn: null,
  titleKind: "official",
  status: "concluded",
  parties: [
    SAG_AFTRA,
    { name: "Universal Music Group", role: "employer" },
    { name: "Sony Music Entertainment", role: "employer" },
    { name: "Warner Music Group", role: "employer" },
    { name: "Disney Music Group", role: "employer" },
  ],
  countries: ["US"],
  subdivisions: [],
  level: "sector",
  sectors: ["recorded_music"],
  occupations: ["singer", "performer"],
  coverage: UNKNOWN_COVERAGE,
  workersCovered: null,
  dates: dates({
    ratified: "2024-04",
    ratificationVoteShare: 97.69,
    inForceFrom: "2021-01-01",
    inForceTo: "2026-12-31",
    note: "The deal ratified in April 2024 sits within the 2021–2026 term.",
  }),
  languages: ["en"],
  lineage: [],
  sources: [
    source(SRC.z89, "Z89: SAG-AFTRA members ratify Sound Recordings contract with AI guardrails", "secondary"),
    source(SRC.musicWeek, "Music Week: SAG-AFTRA reaches new deal with major labels on AI", "secondary"),
    source(SRC.projectCasting, "Project Casting: SAG-AFTRA Sound Recordings Code 2024", "secondary"),
    source(SRC.aiTrace, "AI Trace: SAG-AFTRA practice entry", "secondary"),
  ],
  clauses: [
    summary("human-artists", null, 'The terms "artist", "singer" and "royalty artist" refer to humans only.', [
      finding({
        code: "AI.HUMAN",
        value: text('"Artist", "singer" and "royalty artist" mean humans only'),
        evidence: seen(SRC.z89, "Human-only definitions"),
      }),
    ]),
    summary(
      "voice-replica-release",
      null,
      "Before releasing a recording that uses a digital replica of an artist's voice, the label needs clear and conspicuous consent and must pay minimum compensation. Consent is given per project; blanket consent does not count. Royalty artists are paid in line with their royalty share; session singers receive at least three sides for each project.",
      [
        finding({
          code: "AI.CONSENT.USE",
          strength: "consent",
          value: text("Clear and conspicuous consent per project before release; no blanket consent"),
          evidence: seen(SRC.z89, "Consent before release, per project"),
        }),
        finding({
          code: "AI.COMP.USE",
          strength: "compensation",
          value: text("Royalty artists paid in line with their royalty share"),
          classification: "royalty artists",
          evidence: seen(SRC.z89, "Royalty artists paid per royalty share"),
        }),
        finding({
          code: "AI.COMP.USE",
          strength: "compensation",
          value: num(3, "sides", per("project")),
          classification: "session singers",
          evidence: seen(SRC.z89, "Session singers: minimum three sides per project"),
          note: "Minimum.",
        }),
      ],
    ),
    summary(
      "replica-sessions",
      null,
      "Sessions to create a replica are paid as work time. The notice period is reported as 28 hours, which may be a typing error.",
      [
        finding({
          code: "AI.COMP.CREATE",
          strength: "compensation",
          value: text("Replica-creation sessions paid as work time"),
          evidence: seen(SRC.z89, "Creation sessions paid as work time"),
        }),
        finding({
          code: "AI.NOTICE",
          strength: "notice",
          value: duration("PT28H"),
          confidence: 0.3,
          evidence: seen(SRC.z89, "Reports a 28-hour notice period"),
          note: "Reported as 28 hours; possibly a typo for 48. Verify against the Code.",
        }),
      ],
    ),
    summary("training", null, "Training AI on recordings is not covered by this Code.", [
      finding({
        code: "AI.TRAIN",
        present: "no",
        evidence: seen(SRC.projectCasting, "Training not covered"),
      }),
    ]),
    summary(
      "synthetic-voice",
      null,
      "Purely synthetic voice tracks must be reported to the union and bargained over.",
      [
        finding({
          code: "AI.SYNTH",
          strength: "bargaining_duty",
          value: text("Purely synthetic voice tracks reported and bargained"),
          evidence: seen2nd(SRC.aiTrace, "Practice entry on synthetic voice tracks"),
        }),
        finding({
          code: "AI.DISCLOSE.UNION",
          strength: "notice",
          value: text("Purely synthetic voice tracks reported to the union"),
          evidence: seen2nd(SRC.aiTrace, "Practice entry on synthetic voice tracks"),
        }),
      ],
    ),
  ],
  notes: ["The 28-hour replica notice figure conflicts with the usual 48 hours and may be a typo."],
};

// --- Interactive Media Agreement 2025 -------------------------------------------------------

const IMA = {
  jimClarke: "https://jimclarke.co.uk/2025/06/11/sag-aftra-ends-video-game-actors-strike",
  yourAi: "https://yourai.pro/video-game-performers-secure-ai-consent-rules-with-new-sag-aftra-transactions/",
  fkks: "https://technologylaw.fkks.com/post/102mewu/inside-the-new-sag-aftra-interactive-media-agreement-new-standards-for-ai-and-di",
  screenHub: "https://www.screenhub.com.au/news/news/sag-aftra-video-game-workers-2669585/",
  dglaw: "https://www.dglaw.com/sag-aftras-new-video-game-agreement",
  fortuneRoad:
    "https://fortuneroad.top/en/exploring-sag-aftras-triumph-with-sarah-elmaleh-podcast-episode-51-on-our-site",
};

const interactiveMedia: Agreement = {
  id: "us-sag-aftra-interactive-media-2025",
  title: "2025 Interactive Media Agreement (2022–2028 Memorandum of Agreement)",
  titleEn: null,
  titleKind: "descriptive",
  status: "concluded",
  parties: [
    SAG_AFTRA,
    ...[
      "Activision Productions",
      "Blindlight",
      "Disney Character Voices",
      "Electronic Arts",
      "Epic Games",
      "Formosa Interactive",
      "Insomniac Games",
      "Take 2 Productions",
      "WB Games",
    ].map((name) => ({ name, role: "employer" as const })),
  ],
  countries: ["US"],
  subdivisions: [],
  level: "sector",
  sectors: ["games"],
  occupations: ["performer", "voice_performer"],
  coverage: UNKNOWN_COVERAGE,
  workersCovered: null,
  dates: dates({
    tentative: "2025-06-09",
    ratified: "2025-07",
    ratificationVoteShare: 95.04,
    inForceFrom: "2025",
    inForceTo: "2028",
    note: "The strike that began in July 2024 was suspended on 11 Jun 2025. The published text is the 2022–2028 MOA.",
  }),
  languages: ["en"],
  lineage: [],
  sources: [
    source(IMA.jimClarke, "Jim Clarke: SAG-AFTRA ends video game actors' strike", "secondary"),
    source(IMA.yourAi, "YourAI: video game performers secure AI consent rules", "secondary"),
    source(IMA.fkks, "FKKS technology law: inside the new Interactive Media Agreement", "secondary"),
    source(IMA.screenHub, "ScreenHub: SAG-AFTRA video game workers", "secondary"),
    source(IMA.dglaw, "Davis+Gilbert: SAG-AFTRA's new video game agreement", "secondary"),
    source(IMA.fortuneRoad, "Podcast write-up on the SAG-AFTRA games deal", "secondary", {
      note: "Single low-quality source for the per-use multiple.",
    }),
  ],
  clauses: [
    summary("wages", null, "Minimums rise 15.17% on ratification and then 3% in November of 2025, 2026 and 2027.", [
      finding({
        code: "PAY.INCREASE",
        value: pct(15.17),
        effectiveFrom: "2025-07",
        evidence: [seen(IMA.jimClarke, "Increase on ratification"), seen(IMA.yourAi, "Increase on ratification")],
        note: "On ratification.",
      }),
      ...["2025-11", "2026-11", "2027-11"].map((effectiveFrom) =>
        finding({
          code: "PAY.INCREASE",
          value: pct(3),
          effectiveFrom,
          evidence: [seen(IMA.jimClarke, "Yearly November increases"), seen(IMA.yourAi, "Yearly November increases")],
        }),
      ),
    ]),
    summary(
      "health-retirement",
      null,
      "Health and retirement contributions rise from 16.5% to 17%, and to 17.5% in October 2026.",
      [
        finding({
          code: "SOC.HEALTH",
          value: pct(17),
          evidence: seen(IMA.jimClarke, "Contribution rises from 16.5% to 17%"),
          note: "Up from 16.5%; the date of this step is not in the research.",
        }),
        finding({
          code: "SOC.HEALTH",
          value: pct(17.5),
          effectiveFrom: "2026-10",
          evidence: seen(IMA.jimClarke, "17.5% from October 2026"),
        }),
      ],
    ),
    summary("overscale-overtime", null, "Overtime for performers paid above scale is based on double scale.", [
      finding({
        code: "OT.RATE",
        value: text("Overtime for overscale performers calculated on double scale"),
        classification: "overscale performers",
        evidence: seen(IMA.jimClarke, "Overtime based on double scale"),
      }),
    ]),
    summary(
      "replica-consent",
      null,
      "Digital replicas need informed consent and disclosure; consent must be separate, written, clear and conspicuous, and reasonably specific. During a strike, performers may suspend their consent to generating new material.",
      [
        finding({
          code: "AI.CONSENT.USE",
          strength: "consent",
          value: text("Separate, written, clear and conspicuous, reasonably specific consent, with disclosure"),
          evidence: [seen(IMA.yourAi, "Consent and disclosure for replicas"), seen(IMA.fkks, ROW_SOURCE)],
        }),
        finding({
          code: "AI.CONSENT.STRIKE",
          strength: "consent",
          value: text("Performers may suspend consent to generating new material during a strike"),
          evidence: seen(IMA.yourAi, "Suspension of consent during strikes"),
        }),
      ],
    ),
    summary(
      "replica-scope",
      null,
      'The rules apply when output is "objectively identifiable" as the performer. Processing practices such as noise reduction, pitch adjustment and rigging are outside the definition.',
      [
        finding({
          code: "AI.REPLICA.TYPE",
          value: text('Trigger: output "objectively identifiable" as the performer'),
          evidence: seen(IMA.fkks, ROW_SOURCE),
        }),
        finding({
          code: "AI.DEF",
          value: text("Processing practices (noise reduction, pitch adjustment, rigging) excluded"),
          evidence: seen2nd(IMA.dglaw, "Exclusion of processing practices"),
        }),
      ],
    ),
    summary(
      "independent-replicas",
      null,
      "Developers may create independently made replicas by prompting generative AI with a performer's name; pay for them is freely bargained. One blog reports a floor of 1.5 times the scale session fee per use.",
      [
        finding({
          code: "AI.COMP.USE",
          strength: "compensation",
          value: text("Independently created replicas: pay freely bargained"),
          evidence: seen(IMA.fkks, ROW_SOURCE),
        }),
        finding({
          code: "AI.COMP.USE",
          strength: "compensation",
          value: times(1.5, "scale session fee, per use"),
          confidence: 0.2,
          evidence: seen2nd(IMA.fortuneRoad, "Blog claims 1.5× scale per use"),
          note: "Single low-quality source; treat as unconfirmed.",
        }),
      ],
    ),
  ],
  notes: ["The 1.5× scale per-use figure rests on a single low-quality source."],
};

// --- Commercials Contracts 2025 --------------------------------------------------------------

const COMM = {
  sagAftra: "http://sagaftra.org/commercials2025",
  dglaw: "https://www.dglaw.com/new-sag-aftra-commercials-contract-is-now-in-effect/",
  jdSupra: "https://jdsupra.com/legalnews/2025-sag-aftra-commercials-contracts-5245919",
};

const commercials2025: Agreement = {
  id: "us-sag-aftra-commercials-2025",
  title: "2025 Commercials Contracts",
  titleEn: null,
  titleKind: "descriptive",
  status: "concluded",
  parties: [
    SAG_AFTRA,
    {
      name: "Joint Policy Committee (JPC)",
      role: "employer_association",
      note: "Bargains for advertisers and agencies.",
    },
    { name: "Association of National Advertisers (ANA)", role: "employer_association", basis: "inferred" },
    { name: "American Association of Advertising Agencies (4A's)", role: "employer_association", basis: "inferred" },
  ],
  countries: ["US"],
  subdivisions: [],
  level: "sector",
  sectors: ["commercials"],
  occupations: ["performer"],
  coverage: UNKNOWN_COVERAGE,
  workersCovered: null,
  dates: dates({
    inForceFrom: "2025-04-01",
    note: "Effective retroactively from 1 Apr 2025 for three years; the end date is not stated in the sources.",
  }),
  languages: ["en"],
  lineage: [],
  sources: [
    source(COMM.sagAftra, "SAG-AFTRA: 2025 Commercials Contracts", "primary"),
    source(COMM.dglaw, "Davis+Gilbert: new SAG-AFTRA Commercials Contract now in effect", "secondary"),
    source(COMM.jdSupra, "JD Supra: 2025 SAG-AFTRA Commercials Contracts", "secondary"),
  ],
  clauses: [
    summary("term", null, "A three-year contract.", [
      finding({ code: "META.TERM", value: duration("P3Y"), evidence: seen(COMM.sagAftra, "Three-year term") }),
    ]),
    summary("wages", null, "Wages rise 5%, 4% and 3% over the three years, 12.5% compounded.", [
      finding({
        code: "PAY.INCREASE",
        value: pct(5),
        evidence: seen(COMM.sagAftra, "Wage increases"),
        note: "Year one.",
      }),
      finding({
        code: "PAY.INCREASE",
        value: pct(4),
        evidence: seen(COMM.sagAftra, "Wage increases"),
        note: "Year two.",
      }),
      finding({
        code: "PAY.INCREASE",
        value: pct(3),
        evidence: seen(COMM.sagAftra, "Wage increases"),
        note: "Year three.",
      }),
    ]),
    summary(
      "pension-health",
      null,
      "Pension and health contributions rise from 20.5% to 23.5%, or 19.95% where the employer is a JPC authoriser.",
      [
        finding({
          code: "SOC.HEALTH",
          value: pct(23.5),
          evidence: seen(COMM.sagAftra, "P&H 23.5%"),
          note: "Up from 20.5%; pension and health combined.",
        }),
        finding({
          code: "SOC.HEALTH",
          value: pct(19.95),
          classification: "JPC authorisers",
          evidence: seen(COMM.sagAftra, "P&H 19.95% for JPC authorisers"),
        }),
      ],
    ),
    summary("streaming-use", null, "A one-year streaming use fee of $10,000.", [
      finding({
        code: "PAY.SECONDARY",
        strength: "compensation",
        value: money("10000.00", "USD", per("year")),
        evidence: seen(COMM.sagAftra, "One-year streaming use fee"),
      }),
    ]),
    summary(
      "digital-replicas",
      null,
      "Any digital replica needs the performer's consent, with at least 48 hours' notice and a reasonably specific description of the use, set out in a Digital Replica Rider. Uses outside that description need further consent.",
      [
        finding({
          code: "AI.CONSENT.CREATE",
          strength: "consent",
          evidence: [
            seen(COMM.dglaw, "Consent for any digital replica"),
            seen(COMM.jdSupra, "Consent for any digital replica"),
          ],
        }),
        finding({
          code: "AI.NOTICE",
          strength: "notice",
          value: duration("PT48H"),
          evidence: [seen(COMM.dglaw, "48-hour notice"), seen(COMM.jdSupra, "48-hour notice")],
        }),
        finding({
          code: "AI.CONSENT.USE",
          strength: "consent",
          value: text("Reasonably specific description in a Digital Replica Rider; extra consent for other uses"),
          evidence: [
            seen(COMM.dglaw, "Digital Replica Rider"),
            seen(COMM.jdSupra, "Additional consent outside the description"),
          ],
        }),
      ],
    ),
    summary("synthetic-performers", null, "Sets a framework for synthetic performers that includes premium pay.", [
      finding({
        code: "AI.SYNTH",
        value: text("Synthetic-performer framework with premium pay"),
        evidence: seen(COMM.dglaw, "Synthetic performer framework"),
      }),
    ]),
    summary(
      "training",
      null,
      "The union describes the contract as setting the first restrictions on using performers' work to train AI models.",
      [
        finding({
          code: "AI.TRAIN",
          value: text("First restrictions on using performers' work to train AI models"),
          evidence: [seen(COMM.dglaw, ROW_SOURCE), seen(COMM.sagAftra, ROW_SOURCE)],
        }),
      ],
    ),
  ],
  notes: ["The JPC's composition (ANA and 4A's) is inferred, not stated in the sources."],
};

// --- Influencer Agreement 2021 ---------------------------------------------------------------

const INF = {
  teamCompanies: "https://theteamcompanies.com/2021-sag-aftra-influencer-agreement-and-influencer-waiver/",
  manatt:
    "https://www.manatt.com/insights/newsletters/advertising-law/sag-aftra-membership-extending-to-social-media-inf",
  artistry: "https://www.theartistrycenter.com/single-post/sag-aftra-s-fact-sheet-on-new-influencers-contract",
};

const influencer2021: Agreement = {
  id: "us-sag-aftra-influencer-2021",
  title: "Influencer-Produced Sponsored Content Agreement",
  titleEn: null,
  titleKind: "official",
  status: "concluded",
  parties: [
    SAG_AFTRA,
    {
      name: "The influencer's own company (corporation or LLC)",
      role: "employer",
      note: "Each influencer signs through their own company.",
    },
  ],
  countries: ["US"],
  subdivisions: [],
  level: "enterprise",
  sectors: ["digital_creators", "commercials"],
  occupations: ["digital_creator"],
  coverage: coverage({
    influencers: true,
    note: "Matches the ILO's example of a US agreement extending benefits to social-media influencers (2021).",
  }),
  workersCovered: null,
  dates: dates({ inForceFrom: "2021", note: "Approved by the SAG-AFTRA National Board on 6–7 Feb 2021." }),
  languages: ["en"],
  lineage: [],
  sources: [
    source(INF.teamCompanies, "The Team Companies: 2021 Influencer Agreement and Influencer Waiver", "secondary"),
    source(INF.manatt, "Manatt: SAG-AFTRA membership extending to social media influencers", "secondary"),
    source(INF.artistry, "The Artistry Center: SAG-AFTRA fact sheet on the influencer contract", "secondary"),
  ],
  clauses: [
    summary(
      "eligibility",
      null,
      "The influencer performs alone, works through their own corporation or LLC, produces the content without a third-party production company and owns it, and contracts directly with the brand. There is no follower minimum.",
      [
        finding({
          code: "COV.INFLUENCER",
          appliesTo: "influencer",
          value: text(
            "Solo influencer who owns the content and contracts directly with the brand; no follower minimum",
          ),
          evidence: [seen(INF.teamCompanies, "Eligibility rules"), seen(INF.manatt, "Eligibility rules")],
        }),
        finding({
          code: "COV.LOANOUT",
          appliesTo: "influencer",
          value: text("Must be incorporated as a corporation or LLC"),
          evidence: seen(INF.teamCompanies, "Corporation or LLC requirement"),
        }),
      ],
    ),
    summary(
      "use-limits",
      null,
      "Content may be shown only on the influencer's and the advertiser's own social feeds, YouTube channels and websites, for at most one year unless a longer period is negotiated.",
      [
        finding({
          code: "COV.INFLUENCER",
          appliesTo: "influencer",
          value: duration("P1Y"),
          evidence: [seen(INF.teamCompanies, "Maximum period of use"), seen(INF.artistry, "Maximum period of use")],
          note: "Maximum period of use unless negotiated; exhibition limited to the parties' own channels.",
        }),
      ],
    ),
    summary(
      "pay-and-benefits",
      null,
      "Pay is negotiated freely with no minimum. The influencer's company pays pension and health contributions of 19%.",
      [
        finding({
          code: "PAY.MIN",
          present: "no",
          appliesTo: "influencer",
          evidence: seen(INF.teamCompanies, "No minimum compensation"),
          note: "Compensation freely negotiated.",
        }),
        finding({
          code: "SOC.HEALTH",
          value: pct(19),
          appliesTo: "influencer",
          evidence: seen(INF.teamCompanies, "P&H 19%"),
          note: "Pension and health, paid by the influencer's company.",
        }),
      ],
    ),
    summary("content-limits", null, "No hazardous stunts, gratuitous nudity or sexual content.", [
      finding({
        code: "OSH.HAZARD",
        strength: "prohibition",
        appliesTo: "influencer",
        value: text("No hazardous stunts"),
        evidence: seen(INF.artistry, "Fact sheet content limits"),
      }),
    ]),
    summary(
      "influencer-waiver",
      null,
      "A companion Influencer Waiver under the Commercials Contract sets pension and health contributions at 19% (18.5% for JPC authorisers), with at least 20% of gross allocated to covered services. It was due to expire on 31 March 2022 unless extended.",
      [
        finding({
          code: "SOC.HEALTH",
          value: pct(19),
          appliesTo: "influencer",
          classification: "Influencer Waiver",
          effectiveTo: "2022-03-31",
          evidence: seen(INF.teamCompanies, "Influencer Waiver P&H"),
          note: "Expiry unless extended.",
        }),
        finding({
          code: "SOC.HEALTH",
          value: pct(18.5),
          appliesTo: "influencer",
          classification: "Influencer Waiver, JPC authorisers",
          effectiveTo: "2022-03-31",
          evidence: seen(INF.teamCompanies, "Influencer Waiver P&H for JPC authorisers"),
          note: "Expiry unless extended.",
        }),
      ],
    ),
  ],
  notes: ["The waiver's minimum allocation of 20% of gross to covered services is kept only in the clause summary."],
};

// --- Replica Studios AI voice agreement -------------------------------------------------------

const REPLICA = {
  loeb: "https://quicktakes.loeb.com/post/102iyy5/sag-aftra-signs-agreement-for-use-of-ai-voices-in-internal-development-and-video",
  shacknews: "https://www.shacknews.com/article/138231/sag-aftra-replica-studios-ai-voice-acting-deal",
};

const replicaStudios: Agreement = {
  id: "us-sag-aftra-replica-studios-2024",
  title: "SAG-AFTRA – Replica Studios AI Voice Agreement",
  titleEn: null,
  titleKind: "descriptive",
  status: "concluded",
  parties: [SAG_AFTRA, { name: "Replica Studios", role: "employer" }],
  countries: ["US"],
  subdivisions: [],
  level: "enterprise",
  sectors: ["games"],
  occupations: ["voice_performer"],
  coverage: UNKNOWN_COVERAGE,
  workersCovered: null,
  dates: dates({ signed: "2024-01", inForceFrom: "2024-01" }),
  languages: ["en"],
  lineage: [],
  sources: [
    source(
      REPLICA.loeb,
      "Loeb & Loeb: SAG-AFTRA agreement for AI voices in internal development and video games",
      "secondary",
    ),
    source(REPLICA.shacknews, "Shacknews: SAG-AFTRA and Replica Studios AI voice deal", "secondary"),
  ],
  clauses: [
    summary(
      "scope",
      null,
      "A single-employer deal under which members can license digital voice replicas for internal research and development and for scripted video-game content. AI-generated situational dialogue is excluded and left to separate negotiation. It has two parts, a development agreement and a licensing and external-use agreement, and covers existing recordings, including those of deceased performers.",
      [
        finding({
          code: "META.LEVEL",
          value: text("Single employer"),
          evidence: seen(REPLICA.loeb, "Agreement with one company"),
        }),
      ],
    ),
    summary(
      "consent-and-use",
      null,
      "Use requires the performer's consent and is limited to a period, after which new consent and pay are needed; performers may opt out of continued use. Pay is based on the Interactive Media Agreement.",
      [
        finding({
          code: "AI.CONSENT.USE",
          strength: "consent",
          value: text("Consent for a limited period of use, then new consent and pay; opt-out from continued use"),
          evidence: [
            seen(REPLICA.loeb, "Consent and limited use period"),
            seen(REPLICA.shacknews, "Opt-out from continued use"),
          ],
        }),
        finding({
          code: "AI.COMP.USE",
          strength: "compensation",
          value: text("Pay based on the Interactive Media Agreement"),
          evidence: seen(REPLICA.loeb, "Pay based on the IMA"),
        }),
      ],
    ),
    summary("security", null, "Voice replicas must be stored securely, and their use is transparent to performers.", [
      finding({
        code: "AI.REPLICA.SECURITY",
        value: text("Safe storage of voice replicas"),
        evidence: [seen(REPLICA.loeb, "Secure storage"), seen(REPLICA.shacknews, "Secure storage")],
      }),
    ]),
  ],
  notes: [],
};

export const US_MEDIA_AGREEMENTS: Agreement[] = [
  soundRecordings,
  interactiveMedia,
  commercials2025,
  influencer2021,
  replicaStudios,
];
