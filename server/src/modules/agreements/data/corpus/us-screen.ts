import type { Agreement } from "../../../../../../common/agreements.ts";
import {
  coverage,
  dates,
  duration,
  finding,
  hours,
  inferred,
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

const AMPTP = {
  name: "Alliance of Motion Picture and Television Producers (AMPTP)",
  role: "employer_association",
} as const;

// --- SAG-AFTRA 2023 TV/Theatrical --------------------------------------------------------------

const SAG23 = {
  coralberry: "https://coralberryevents.com/advise-and-consent-movie-characters-7813",
  authorsGuild: "https://authorsguild.org/news/sag-aftra-agreement-establishes-important-ai-safeguards/",
  adler: "https://adlerimprov.com/sagafta-contract",
  moaParse: "urn:guildhall:github-file:44134423220",
  clutchpoints: "https://clutchpoints.com/sag-aftra-releases-preliminary-ai-rules-after-1-billion-deal",
  backstage: "https://www.backstage.com/magazine/article/sag-aftra-ai-deal-explained-76821/",
  ghuneim: "https://ghuneim.com/2023/11/22/synthetic-media-ai-sag-aftra-deal-points/",
  iblnews: "https://iblnews.org/hollywood-studios-will-request-consent-before-making-digital-replicas-of-actors/",
  edaface: "https://news.edaface.com/2023/11/sag-aftra-strike-ends-as-ai-deal-reached-hollywood-still-torn/",
  standins:
    "https://standincentral.com/2023/12/20/what-the-2023-theatrical-television-agreements-mean-specifically-to-stand-ins/",
  wellesley: "https://thewellesleynews.com/17813/arts/sag-aftra-reaches-tentative-deal-with-studios",
};

const sagAftra2023: Agreement = {
  id: "us-sag-aftra-tv-theatrical-2023",
  title: "2023 TV/Theatrical Contracts (Memorandum of Agreement)",
  titleEn: null,
  titleKind: "descriptive",
  status: "concluded",
  parties: [SAG_AFTRA, AMPTP],
  countries: ["US"],
  subdivisions: [],
  level: "sector",
  sectors: ["film", "tv", "streaming"],
  occupations: ["performer", "background_performer"],
  coverage: coverage({
    employees: true,
    background: true,
    note: "Performers engaged by producers; background actors and stand-ins have their own terms.",
  }),
  workersCovered: null,
  dates: dates({
    tentative: "2023-11-08",
    ratified: "2023-12-05",
    ratificationVoteShare: 78,
    inForceFrom: "2023-11-09",
    inForceTo: "2026-06-30",
    note: "Ratification share reported as about 78%. The National Board approved the deal 86% to 14%; the strike ended on 9 Nov 2023 after 118 days.",
  }),
  languages: ["en"],
  lineage: [
    {
      relation: "amends",
      agreementId: null,
      externalTitle: "2020 SAG-AFTRA Codified Basic Agreement and Television Agreement",
      basis: "seen",
      note: "The MOA is layered on the 2020 agreements, which are not in this library.",
    },
  ],
  sources: [
    source(
      SAG23.coralberry,
      "Advise and consent: movie characters (reproduces SAG-AFTRA's Digital Replicas 101)",
      "secondary",
    ),
    source(SAG23.authorsGuild, "Authors Guild: SAG-AFTRA agreement establishes important AI safeguards", "secondary"),
    source(SAG23.adler, "Draft text of the 2023 SAG-AFTRA MOA", "secondary"),
    source(
      SAG23.moaParse,
      'Third-party script parsing the 2023 MOA ("SAG-AFTRA Sideletter Rules Loader")',
      "secondary",
      {
        note: "GitHub file known only by its file-index id; repository not named by the index.",
      },
    ),
    source(SAG23.clutchpoints, "ClutchPoints: SAG-AFTRA releases preliminary AI rules", "secondary"),
    source(SAG23.backstage, "Backstage: the SAG-AFTRA AI deal explained", "secondary"),
    source(SAG23.ghuneim, "Synthetic media and AI: SAG-AFTRA deal points", "secondary"),
    source(SAG23.iblnews, "IBL News: studios will request consent before making digital replicas", "secondary"),
    source(SAG23.edaface, "EDAFACE News: SAG-AFTRA strike ends as AI deal reached", "secondary"),
    source(SAG23.standins, "Stand-In Central: what the 2023 agreements mean for stand-ins", "secondary"),
    source(SAG23.wellesley, "The Wellesley News: SAG-AFTRA reaches tentative deal with studios", "secondary"),
  ],
  clauses: [
    summary(
      "replica-definitions",
      null,
      "Distinguishes a replica made with the performer taking part during their employment and used for scenes they did not shoot, a replica made without their participation for a picture they did not work on, and a background actor's replica. A synthetic performer, a digital figure that reads as a human performer but resembles no recognisable one and is not voiced by a person, is not a replica. Digital alteration of a recorded performance is defined separately.",
      [
        finding({
          code: "AI.REPLICA.TYPE",
          value: text(
            "Employment-based (EBDR), independently created (ICDR) and background-actor replicas; synthetic performers are a separate category",
          ),
          evidence: [
            seen(SAG23.coralberry, "Definitions section of Digital Replicas 101"),
            seen(SAG23.clutchpoints, "Preliminary AI rules list the replica categories"),
            seen(SAG23.backstage, "Explainer of the replica categories"),
          ],
        }),
      ],
    ),
    summary(
      "replica-consent",
      null,
      "Making a replica and each use of it need the performer's informed consent. Consent must stand out clearly, sit in the contract or a separately signed document rather than in standard terms, and rest on a reasonably specific description of the intended use; another project needs new consent. For a deceased performer, an authorised representative consents, or the union if there is none.",
      [
        finding({
          code: "AI.CONSENT.CREATE",
          strength: "consent",
          value: text("Informed, clear and conspicuous consent, not buried in standard terms"),
          evidence: seen(SAG23.coralberry, "Consent rules in Digital Replicas 101"),
        }),
        finding({
          code: "AI.CONSENT.USE",
          strength: "consent",
          value: text("Consent for each use, with a reasonably specific description; new consent for other projects"),
          evidence: seen(SAG23.coralberry, "Consent rules in Digital Replicas 101"),
        }),
        finding({
          code: "AI.CONSENT.POSTMORTEM",
          strength: "consent",
          value: text("Authorised representative of the deceased performer, otherwise the union"),
          evidence: seen(SAG23.coralberry, "Consent after death in Digital Replicas 101"),
        }),
      ],
    ),
    summary(
      "digital-alteration",
      null,
      "Digitally altering a recorded performance needs consent unless the result stays substantially as scripted, performed or recorded. Routine changes are exempt, among them cosmetics, wardrobe, noise reduction, timing or speed, continuity, pitch or tone, effects and filters, standards and ratings edits, and adjustments to dialogue or narration.",
      [
        finding({
          code: "AI.CONSENT.ALTER",
          strength: "consent",
          value: text("Consent needed unless substantially as scripted, performed or recorded; routine edits exempt"),
          evidence: seen(SAG23.coralberry, "Digital alteration rules and exception list"),
        }),
      ],
    ),
    summary(
      "replica-notice",
      null,
      "The producer must tell the performer at least 48 hours before replica-creation services, or at the time of engagement if the performer is engaged less than 48 hours ahead.",
      [
        finding({
          code: "AI.NOTICE",
          strength: "notice",
          value: duration("PT48H"),
          evidence: [
            seen(SAG23.coralberry, "Notice of at least 48 hours before replica-creation services"),
            seen2nd(SAG23.moaParse, "Parse records a 48-hour notification"),
          ],
          note: "Shorter notice only when the performer is engaged less than 48 hours ahead.",
        }),
      ],
    ),
    summary(
      "replica-pay",
      "MOA Item 15, Section XX (as labelled in a third-party parse)",
      "A scanning session on its own day is paid as one day at the performer's pro-rata daily rate, never below day-performer scale, or half a day for a four-hour session; a session on a day with other work counts as work time. Using an employment-based replica in the same production pays, for each day the performer would otherwise have worked, the higher of pro-rata or scale, plus residuals as if the performer had been there. Use in another production needs separately signed consent and bargaining, with the day-performer minimum as the floor. Using an independently created replica needs consent and bargaining and carries pension and health contributions.",
      [
        finding({
          code: "AI.COMP.CREATE",
          strength: "compensation",
          value: num(1, "days", per("session")),
          evidence: seen2nd(
            SAG23.moaParse,
            "Standalone session: one day at pro-rata daily salary, not below day-performer minimum",
          ),
          note: "Paid at the pro-rata daily salary, floor day-performer scale.",
        }),
        finding({
          code: "AI.COMP.CREATE",
          strength: "compensation",
          value: num(0.5, "days", per("session")),
          classification: "four-hour scanning session",
          evidence: seen2nd(SAG23.moaParse, "Half of the pro-rata daily rate for a four-hour session"),
        }),
        finding({
          code: "AI.COMP.USE",
          strength: "compensation",
          value: text(
            "Per day the performer would have worked: the higher of pro-rata or scale, plus residuals as if performed in person",
          ),
          evidence: seen2nd(SAG23.moaParse, "Use of an employment-based replica in the same production"),
        }),
        finding({
          code: "AI.COMP.REUSE",
          strength: "compensation",
          value: text("Bargained separately, with the day-performer minimum as the floor"),
          evidence: seen2nd(SAG23.moaParse, "Use of an employment-based replica in another production"),
        }),
        finding({
          code: "AI.COMP.FUND",
          strength: "compensation",
          value: text("Pension and health contributions on independently created replica use"),
          evidence: [
            seen2nd(SAG23.moaParse, "ICDR use subject to P&H contributions"),
            seen(SAG23.clutchpoints, "Union summary: compensation including P&H for creation and use of replicas"),
          ],
        }),
      ],
    ),
    summary(
      "synthetic-performers",
      null,
      "A producer that plans to use a synthetic performer must tell the union and give it the chance to bargain.",
      [
        finding({
          code: "AI.SYNTH",
          strength: "bargaining_duty",
          value: text("Notice to the union and an opportunity to bargain"),
          evidence: [
            seen(SAG23.ghuneim, "Synthetic performer deal point"),
            seen(SAG23.iblnews, "Synthetic performer terms"),
          ],
        }),
        finding({
          code: "AI.DISCLOSE.UNION",
          strength: "notice",
          evidence: [
            seen(SAG23.ghuneim, "Producer notifies the union"),
            seen(SAG23.iblnews, "Producer notifies the union"),
          ],
        }),
      ],
    ),
    summary("ai-meetings", null, "The parties meet twice a year on generative AI.", [
      finding({
        code: "PART.JOINT_BODY",
        value: duration("P6M"),
        confidence: 0.5,
        evidence: seen(
          SAG23.ghuneim,
          "The research lists semi-annual AI meetings among the other AI terms near this source",
        ),
        note: "Semi-annual meetings on generative AI.",
      }),
    ]),
    summary("ai-effective-date", null, "The AI terms take effect 90 days after ratification.", [
      finding({
        code: "META.TERM",
        value: duration("P90D"),
        evidence: seen(SAG23.edaface, "AI terms effective 90 days after ratification"),
        note: "Delay between ratification and the AI terms taking effect.",
      }),
    ]),
    summary(
      "minimum-increases",
      null,
      "General minimums rise by 7% in November 2023, 4% in July 2024 and 3.5% in July 2025. Background actors and stand-ins get 11% in the first step; the stand-in day rate moves from $243 to $253 and then $262.",
      [
        finding({
          code: "PAY.INCREASE",
          value: pct(7),
          effectiveFrom: "2023-11",
          evidence: [
            seen(SAG23.authorsGuild, ROW_SOURCE),
            seen2nd(SAG23.moaParse, "Parse dates the steps 9 Nov 2023, 1 Jul 2024 and 1 Jul 2025"),
          ],
        }),
        finding({
          code: "PAY.INCREASE",
          value: pct(4),
          effectiveFrom: "2024-07",
          evidence: [seen(SAG23.authorsGuild, ROW_SOURCE), seen2nd(SAG23.moaParse, "Year 2 increase")],
        }),
        finding({
          code: "PAY.INCREASE",
          value: pct(3.5),
          effectiveFrom: "2025-07",
          evidence: [seen(SAG23.authorsGuild, ROW_SOURCE), seen2nd(SAG23.moaParse, "Year 3 increase")],
        }),
        finding({
          code: "PAY.INCREASE",
          value: pct(11),
          appliesTo: "background",
          classification: "background actors and stand-ins",
          evidence: seen(SAG23.standins, "11% for background actors and stand-ins"),
        }),
        finding({
          code: "PAY.MIN",
          strength: "compensation",
          value: money("243.00", "USD", per("day")),
          appliesTo: "background",
          classification: "stand-ins",
          evidence: seen(SAG23.standins, "Stand-in day rate, first step"),
          note: "First step of three.",
        }),
        finding({
          code: "PAY.MIN",
          strength: "compensation",
          value: money("253.00", "USD", per("day")),
          appliesTo: "background",
          classification: "stand-ins",
          evidence: seen(SAG23.standins, "Stand-in day rate, second step"),
          note: "Second step of three.",
        }),
        finding({
          code: "PAY.MIN",
          strength: "compensation",
          value: money("262.00", "USD", per("day")),
          appliesTo: "background",
          classification: "stand-ins",
          evidence: seen(SAG23.standins, "Stand-in day rate, third step"),
          note: "Third step of three.",
        }),
      ],
    ),
    summary("relocation", null, "A relocation benefit of $5,000 a month for six months.", []),
  ],
  notes: [
    "The relocation benefit ($5,000 a month for six months, per thewellesleynews.com) has no taxonomy code and is kept only in the clause summary.",
  ],
};

// --- SAG-AFTRA 2026 TV/Theatrical --------------------------------------------------------------

const SAG26 = {
  aura: "https://joinauraprotocol.com/articles/sag-aftra-s-new-tv-theatrical-deal-draws-a-hard-line-on-synthetic-performers-wha",
  culturalWatchlist: "https://www.culturalwatchlist.com/film-reviews/sag-aftra-ai-contract-ratified",
  screenDaily:
    "https://www.screendaily.com/news/sag-aftra-reveals-details-of-new-four-year-deal-with-producers/5216594.article",
  timeWarner:
    "https://timewarnerent.com/sag-aftra-reveals-details-of-4-year-agreement-with-studios-including-merged-pension-plan/",
  section39Parse: "urn:guildhall:github-file:57398403129",
};

const sagAftra2026: Agreement = {
  id: "us-sag-aftra-tv-theatrical-2026",
  title: "2026 TV/Theatrical Agreement",
  titleEn: null,
  titleKind: "descriptive",
  status: "concluded",
  parties: [SAG_AFTRA, AMPTP],
  countries: ["US"],
  subdivisions: [],
  level: "sector",
  sectors: ["film", "tv", "streaming"],
  occupations: ["performer", "background_performer"],
  coverage: coverage({ employees: true, minors: true, note: "Includes protections for minors." }),
  workersCovered: null,
  dates: dates({
    tentative: "2026-05-02",
    ratified: "2026-06-04",
    ratificationVoteShare: 91.42,
    inForceFrom: "2026-07-01",
    inForceTo: "2030-06-30",
  }),
  languages: ["en"],
  lineage: [
    {
      relation: "replaces",
      agreementId: "us-sag-aftra-tv-theatrical-2023",
      externalTitle: null,
      basis: "inferred",
      note: "Successor: the 2023 term ends on 30 Jun 2026 and this term begins on 1 Jul 2026.",
    },
  ],
  sources: [
    source(
      SAG26.aura,
      "Aura Protocol: the new TV/Theatrical deal draws a hard line on synthetic performers",
      "secondary",
    ),
    source(SAG26.culturalWatchlist, "Cultural Watchlist: SAG-AFTRA AI contract ratified", "secondary"),
    source(SAG26.screenDaily, "Screen Daily: SAG-AFTRA reveals details of new four-year deal", "secondary"),
    source(
      SAG26.timeWarner,
      "SAG-AFTRA reveals details of four-year agreement, including merged pension plan",
      "secondary",
    ),
    source(
      SAG26.section39Parse,
      "Third-party framework document describing §39 of the 2026 tentative agreement",
      "secondary",
      {
        note: "GitHub file known only by its file-index id; unverified against the agreement.",
      },
    ),
  ],
  clauses: [
    summary("minimums", null, "Minimums rise 3% each year, compounded.", [
      finding({
        code: "PAY.INCREASE",
        value: pct(3, per("year")),
        evidence: [seen(SAG26.screenDaily, "3% a year, compounded"), seen(SAG26.timeWarner, "Yearly increases")],
        note: "Compounded.",
      }),
    ]),
    summary(
      "pension-merger",
      null,
      "The SAG pension plan and the AFTRA retirement fund merge by 1 January 2028, with contributions one point higher.",
      [
        finding({
          code: "SOC.PENSION",
          value: text("Plans merge by 1 Jan 2028; contribution up one percentage point"),
          evidence: [
            seen(SAG26.screenDaily, "Pension merger and +1% contribution"),
            seen(SAG26.timeWarner, "Merged pension plan"),
          ],
        }),
      ],
    ),
    summary("human-performance", null, "The agreement states a principle strongly favouring performances by humans.", [
      finding({
        code: "AI.HUMAN",
        value: text("Principle strongly favouring human performances"),
        evidence: seen(SAG26.aura, "Quoted principle favouring human performance"),
      }),
    ]),
    summary(
      "synthetics",
      null,
      "A synthetic may take a human role only if it adds significant value beyond what a performer would bring; disputes over that test go to arbitration.",
      [
        finding({
          code: "AI.SYNTH",
          strength: "prohibition",
          value: text('"Significant additional value" test before a synthetic is used in a human role'),
          evidence: seen(SAG26.aura, "Significant additional value test"),
        }),
        finding({
          code: "DISP.ARBITRATION",
          value: text("Disputes over the synthetic test go to arbitration"),
          evidence: seen(SAG26.aura, "Arbitration of the synthetic test"),
        }),
      ],
    ),
    summary(
      "scan-justification",
      null,
      "A producer needs a business reason it can articulate before asking to scan a performer.",
      [
        finding({
          code: "AI.CONSENT.CREATE",
          strength: "consent",
          value: text('"Articulable business reason" required before a scan'),
          evidence: [
            seen(SAG26.aura, "Articulable business reason to scan"),
            seen2nd(SAG26.section39Parse, "Described as §39.J"),
          ],
        }),
      ],
    ),
    summary("strikes", null, "Digital replicas may not be used to cross a picket line during a strike.", [
      finding({
        code: "AI.CONSENT.STRIKE",
        strength: "prohibition",
        value: text("Replicas may not cross a picket line"),
        evidence: [
          seen(SAG26.aura, "Replicas barred from crossing a picket line"),
          seen2nd(SAG26.section39Parse, "Described as §39.G"),
        ],
      }),
    ]),
    summary("minors", null, "Adds protections for minors' digital replicas.", [
      finding({
        code: "AI.CONSENT.MINORS",
        appliesTo: "minor",
        evidence: seen(SAG26.aura, "Protections for minors"),
        note: "A third-party description (§39.F) says a minor's replica may not depict the minor nude or in simulated sex; unverified.",
      }),
    ]),
    summary(
      "section-39-details",
      "§39 (third-party description, unverified)",
      "A third-party description adds: dubbing a performance into another language with a replica needs consent for pictures starting principal photography on or after 1 July 2027; producers must keep replicas secure; a transferee of a replica must comply, with the union answering approval requests within 21 days; and biometric data is restricted.",
      [
        finding({
          code: "AI.CONSENT.USE",
          strength: "consent",
          value: text("Consent to dub a performance into another language with a replica"),
          effectiveFrom: "2027-07-01",
          confidence: 0.5,
          evidence: seen2nd(SAG26.section39Parse, "Described as §39.D"),
          note: "For pictures starting principal photography on or after 1 Jul 2027.",
        }),
        finding({
          code: "AI.REPLICA.SECURITY",
          value: text("Replica security obligations on producers"),
          confidence: 0.5,
          evidence: seen2nd(SAG26.section39Parse, "Described as §39.H"),
        }),
        finding({
          code: "AI.REPLICA.SECURITY",
          value: duration("P21D"),
          confidence: 0.5,
          evidence: seen2nd(SAG26.section39Parse, "Described as §39.I"),
          note: "Transferees must comply; the union answers approval requests within 21 days.",
        }),
        finding({
          code: "AI.REPLICA.SECURITY",
          value: text("Limits on the use of biometric data"),
          confidence: 0.5,
          evidence: seen2nd(SAG26.section39Parse, "Described as §39.E"),
        }),
      ],
    ),
  ],
  notes: [],
};

// --- WGA 2023 MBA ------------------------------------------------------------------------------

const WGA23 = {
  summary:
    "https://d3vl9t1p7ktsz0.cloudfront.net/2023/09/what-the-2023-hollywood-writers-agreement-says-about-the-use-of-ai-in-screenwriting",
  centuryCity:
    "https://centurycity-westwoodnews.com/the-writers-guild-of-america-has-voted-on-the-contract-offered-by-amptp",
  bellisario:
    "https://bellisariostudentmedia.psu.edu/story/wga-releases-details-of-new-mba-contract-puts-end-to-labor-strike",
  parse: "urn:guildhall:github-file:57398403129",
};

const wga2023: Agreement = {
  id: "us-wga-mba-2023",
  title: "2023 Minimum Basic Agreement",
  titleEn: null,
  titleKind: "official",
  status: "concluded",
  parties: [
    { name: "Writers Guild of America West", role: "union" },
    { name: "Writers Guild of America East", role: "union" },
    AMPTP,
  ],
  countries: ["US"],
  subdivisions: [],
  level: "sector",
  sectors: ["film", "tv", "streaming"],
  occupations: ["writer"],
  coverage: UNKNOWN_COVERAGE,
  workersCovered: null,
  dates: dates({
    ratified: "2023-10-09",
    ratificationVoteShare: 99,
    inForceFrom: "2023-09-25",
    inForceTo: "2026-05-01",
    note: "8,435 yes and 90 no of 8,525 votes cast.",
  }),
  languages: ["en"],
  lineage: [],
  sources: [
    source(WGA23.summary, "What the 2023 Hollywood writers' agreement says about AI in screenwriting", "secondary"),
    source(WGA23.centuryCity, "Century City & Westwood News: WGA votes on the AMPTP contract", "secondary"),
    source(WGA23.bellisario, "Bellisario student media: WGA releases details of new MBA", "secondary"),
    source(WGA23.parse, "Third-party framework document quoting Art. 72.C", "secondary", {
      note: "GitHub file known only by its file-index id.",
    }),
  ],
  clauses: [
    summary(
      "generative-ai",
      "Art. 72",
      "Generative AI, meaning systems that learn patterns from data and produce content, is covered; traditional AI is not. AI cannot write or rewrite literary material, and what it produces is neither literary nor source material, so it cannot undercut a writer's credit or separated rights. A writer may use AI if the company agrees and its policy is followed, but the company cannot make a writer use AI, and must say when material it hands over was produced by AI. The guild keeps the right to argue that training AI on writers' material is prohibited.",
      [
        finding({
          code: "AI.DEF",
          value: text("Generative AI that learns patterns from data and produces content; traditional AI excluded"),
          evidence: seen(WGA23.summary, "GAI definition with examples; traditional AI excluded"),
        }),
        finding({
          code: "AI.HUMAN",
          strength: "prohibition",
          value: text("AI cannot write or rewrite literary material; AI output is not literary or source material"),
          evidence: seen(WGA23.summary, "AI output not source or literary material"),
        }),
        finding({
          code: "AI.NO_FORCED_USE",
          strength: "prohibition",
          value: text(
            "The company cannot require AI use; a writer may use AI with company consent and within its policy",
          ),
          evidence: seen(WGA23.summary, "Company cannot require a writer to use AI"),
        }),
        finding({
          code: "AI.DISCLOSE.WORKER",
          strength: "notice",
          evidence: seen(WGA23.summary, "Company must disclose AI-generated material given to a writer"),
        }),
        finding({
          code: "AI.TRAIN",
          value: text("Guild reserves the right to assert that training AI on writers' material is prohibited"),
          evidence: seen(WGA23.summary, "Reservation of rights on training"),
        }),
      ],
    ),
    summary(
      "writer-use-of-ai",
      "Art. 72.C",
      "Material a writer produces using generative AI, with the company's consent, counts as literary material rather than as material produced by AI.",
      [
        finding({
          code: "AI.HUMAN",
          value: text("Writer's material made with consented GAI use counts as literary material"),
          evidence: seen2nd(WGA23.parse, "Quotes Art. 72.C"),
        }),
      ],
    ),
    summary(
      "minimums",
      null,
      "Minimums rise 5% on ratification and then at least 3% a year. Writers hired for a first-draft screenplay are guaranteed a second step.",
      [
        finding({
          code: "PAY.INCREASE",
          value: pct(5),
          evidence: seen(WGA23.bellisario, "5% on ratification"),
          note: "On ratification.",
        }),
        finding({
          code: "PAY.INCREASE",
          value: pct(3, per("year")),
          evidence: seen(WGA23.bellisario, "At least 3% a year afterwards"),
          note: "At least 3% a year after the first step.",
        }),
      ],
    ),
  ],
  notes: ["The guaranteed second step for first-draft screenplay hires has no taxonomy code."],
};

// --- WGA 2026 MBA (tentative) ------------------------------------------------------------------

const WGA26 = {
  letsDataScience: "https://letsdatascience.com/news/wga-secures-four-year-deal-limiting-ai-use-a7243017",
  creativeAiNews: "https://www.creativeainews.com/articles/wga-four-year-deal-ai-creative-labor-analysis",
  hoodline: "https://hoodline.com/2026/04/hollywood-writers-ink-tentative-four-year-peace-with-studios/",
  parse: "urn:guildhall:github-file:57398403129",
};

const wga2026: Agreement = {
  id: "us-wga-mba-2026",
  title: "2026 Minimum Basic Agreement (tentative)",
  titleEn: null,
  titleKind: "descriptive",
  status: "tentative",
  parties: [{ name: "Writers Guild of America", role: "union" }, AMPTP],
  countries: ["US"],
  subdivisions: [],
  level: "sector",
  sectors: ["film", "tv", "streaming"],
  occupations: ["writer"],
  coverage: UNKNOWN_COVERAGE,
  workersCovered: null,
  dates: dates({
    tentative: "2026-04",
    note: "Tentative deal reached on 4–5 Apr 2026 for four years from 2026; ratification not confirmed by any source found.",
  }),
  languages: ["en"],
  lineage: [
    {
      relation: "replaces",
      agreementId: "us-wga-mba-2023",
      externalTitle: null,
      basis: "inferred",
      note: "Successor to the 2023 MBA, which runs to 1 May 2026.",
    },
  ],
  sources: [
    source(WGA26.letsDataScience, "Let's Data Science: WGA secures four-year deal limiting AI use", "secondary"),
    source(WGA26.creativeAiNews, "Creative AI News: WGA four-year deal analysis", "secondary"),
    source(WGA26.hoodline, "Hoodline: Hollywood writers ink tentative four-year peace", "secondary"),
    source(WGA26.parse, "Third-party framework document describing the 2026 MOA's training-data terms", "secondary", {
      note: "GitHub file known only by its file-index id; unverified.",
    }),
  ],
  clauses: [
    summary("term", null, "A four-year agreement.", [
      finding({ code: "META.TERM", value: duration("P4Y"), evidence: seen(WGA26.letsDataScience, "Four-year deal") }),
    ]),
    summary(
      "ai-training",
      null,
      "Adds restrictions and licensing requirements on using writers' scripts to train AI. A third-party description says licensing covered material to outside parties for training commercial generative AI requires written notice to the union and, on request, a meeting to discuss pay.",
      [
        finding({
          code: "AI.TRAIN",
          value: text("Restrictions and licensing requirements on training AI with writers' scripts"),
          evidence: [
            seen2nd(WGA26.letsDataScience, "Training restrictions reported in press"),
            seen2nd(WGA26.creativeAiNews, "Training restrictions reported in press"),
          ],
        }),
        finding({
          code: "AI.DISCLOSE.UNION",
          strength: "notice",
          value: text("Written notice to the union when covered material is licensed to third parties for AI training"),
          confidence: 0.5,
          evidence: seen2nd(WGA26.parse, "Training-data licensing notice described for the 2026 MBA"),
        }),
        finding({
          code: "AI.ROYALTY",
          strength: "bargaining_duty",
          value: text("Duty to meet and discuss remuneration for training licences, on request"),
          confidence: 0.5,
          evidence: seen2nd(WGA26.parse, "Meet-and-discuss duty on remuneration"),
        }),
      ],
    ),
    summary("health-plan", null, "Shores up the writers' health plan.", [
      finding({
        code: "SOC.HEALTH",
        evidence: seen(WGA26.letsDataScience, "Health plan shored up"),
        note: "No figures in the research.",
      }),
    ]),
  ],
  notes: ["Ratification of the 2026 MBA was not found."],
};

// --- DGA 2023 Basic Agreement ------------------------------------------------------------------

const DGA = {
  exBulletin: "https://exbulletin.com/entertainment/2186343/",
  yahoo: "https://www.yahoo.com/entertainment/2-words-dga-contract-members-161406541.html?fr=sycsrp_catchall",
  vandal:
    "https://www.vandallp.com/news/articles/trailblazing-new-arrangement-between-dga-and-amp-tp-paves-way-hollywoods-major-labor",
};

const dga2023: Agreement = {
  id: "us-dga-basic-2023",
  title: "2023 Basic Agreement",
  titleEn: null,
  titleKind: "descriptive",
  status: "concluded",
  parties: [{ name: "Directors Guild of America (DGA)", role: "union" }, AMPTP],
  countries: ["US"],
  subdivisions: [],
  level: "sector",
  sectors: ["film", "tv", "streaming"],
  occupations: ["director"],
  coverage: coverage({ note: "Directors and directorial teams." }),
  workersCovered: null,
  dates: dates({
    tentative: "2023-06-03",
    inForceFrom: "2023",
    inForceTo: "2026",
    note: "Three-year term; exact start and end dates not in the research.",
  }),
  languages: ["en"],
  lineage: [],
  sources: [
    source(DGA.exBulletin, "ExBulletin: DGA tentative agreement", "secondary"),
    source(DGA.yahoo, "Yahoo Entertainment: two words in the DGA contract", "secondary"),
    source(DGA.vandal, "Van Dal LLP: new arrangement between DGA and AMPTP", "secondary"),
  ],
  clauses: [
    summary(
      "generative-ai",
      null,
      "Generative AI is not a person and may not take over duties that members perform. Employers may not use it on creative elements without consulting the director, read together with the creative-rights rule (§7-202) that the director's advice and suggestions are considered in good faith.",
      [
        finding({
          code: "AI.HUMAN",
          value: text('"GAI is not a person"'),
          evidence: [seen(DGA.exBulletin, ROW_SOURCE), seen(DGA.yahoo, "GAI is not a person")],
        }),
        finding({
          code: "JOB.NO_DISPLACE",
          strength: "prohibition",
          value: text("GAI cannot replace duties performed by members"),
          evidence: [seen(DGA.exBulletin, ROW_SOURCE), seen(DGA.yahoo, "GAI cannot replace members' duties")],
        }),
        finding({
          code: "PART.CONSULT",
          strength: "consultation",
          value: text("No GAI use on creative elements without consulting the director (read with §7-202)"),
          evidence: [
            seen(DGA.yahoo, "Consultation with the director on creative elements"),
            seen(DGA.vandal, ROW_SOURCE),
          ],
        }),
      ],
    ),
    summary("wages", null, "Wages rise 5%, 4% and 3.5% over the three years.", [
      finding({ code: "PAY.INCREASE", value: pct(5), evidence: seen(DGA.exBulletin, ROW_SOURCE), note: "Year one." }),
      finding({ code: "PAY.INCREASE", value: pct(4), evidence: seen(DGA.exBulletin, ROW_SOURCE), note: "Year two." }),
      finding({
        code: "PAY.INCREASE",
        value: pct(3.5),
        evidence: seen(DGA.exBulletin, ROW_SOURCE),
        note: "Year three.",
      }),
    ]),
    summary("live-ammunition", null, "Live ammunition is banned on set.", [
      finding({
        code: "OSH.HAZARD",
        strength: "prohibition",
        value: text("No live ammunition on set"),
        evidence: seen(DGA.exBulletin, ROW_SOURCE),
      }),
    ]),
    summary("term", null, "A three-year agreement.", [
      finding({ code: "META.TERM", value: duration("P3Y"), evidence: seen(DGA.exBulletin, "Three-year term") }),
    ]),
  ],
  notes: [],
};

// --- IATSE 2024–2027 Hollywood Basic and Area Standards Agreements ----------------------------

const IATSE = {
  celebrityAccess:
    "https://celebrityaccess.com/2024/06/26/the-international-alliance-of-theatrical-stage-employees-reaches-a-tentative-deal-with-the-studios/",
  bleedingCool: "https://bleedingcool.com/tv/iatse-members-ratify-hollywood-basic-area-standards-agreements/",
  screenDaily:
    "https://www.screendaily.com/news/iatse-members-ratify-three-year-deal-with-studios-streamers/5195587.article",
  variety: "https://fanyv88.com:443/https/variety.com/vip/ai-terms-vague-tentative-basic-agreement-summary-1236061078",
  aiInject: "https://aiinject.com/the-iatse-agreement-clears-the-way-for-using-artificial-intelligence-as-a-tool/",
  icaro:
    "https://icaro.icaromediagroup.com/media/news_stories/news/icaro-media-group/iatse-strikes-deal-with-major-studios-on-ai-use-in-film-industry/44299748",
};

const iatseBasic: Agreement = {
  id: "us-iatse-hollywood-basic-2024",
  title: "2024–2027 Hollywood Basic Agreement",
  titleEn: null,
  titleKind: "descriptive",
  status: "concluded",
  parties: [
    {
      name: "International Alliance of Theatrical Stage Employees (IATSE)",
      role: "union",
      note: "13 West Coast locals.",
    },
    AMPTP,
  ],
  countries: ["US"],
  subdivisions: [],
  level: "sector",
  sectors: ["film", "tv", "streaming"],
  occupations: ["crew"],
  coverage: coverage({ employees: true }),
  workersCovered: { low: 45000, high: 50000 },
  dates: dates({
    tentative: "2024-06-26",
    ratified: "2024-07-18",
    ratificationVoteShare: 85.9,
    inForceFrom: "2024-08",
    inForceTo: "2027",
    note: "Sources give the effective date as 1 Aug or 4 Aug 2024, so only the month is recorded. All locals voted in favour.",
  }),
  languages: ["en"],
  lineage: [],
  sources: [
    source(IATSE.celebrityAccess, "CelebrityAccess: IATSE reaches a tentative deal with the studios", "secondary"),
    source(IATSE.bleedingCool, "Bleeding Cool: IATSE members ratify Hollywood Basic and Area Standards", "secondary"),
    source(IATSE.variety, "Variety VIP (mirror): AI terms in the tentative Basic Agreement summary", "secondary", {
      note: "Mirror address as given in the research.",
    }),
    source(IATSE.aiInject, "AI Inject: the IATSE agreement and AI as a tool", "secondary"),
    source(IATSE.icaro, "Icaro Media Group: IATSE strikes deal with studios on AI use", "secondary"),
  ],
  clauses: [
    summary("wages", null, "Scale rises 7%, 4% and 3.5% over the three years.", [
      finding({
        code: "PAY.INCREASE",
        value: pct(7),
        evidence: seen(IATSE.celebrityAccess, "Scale increases"),
        note: "Year one.",
      }),
      finding({
        code: "PAY.INCREASE",
        value: pct(4),
        evidence: seen(IATSE.celebrityAccess, "Scale increases"),
        note: "Year two.",
      }),
      finding({
        code: "PAY.INCREASE",
        value: pct(3.5),
        evidence: seen(IATSE.celebrityAccess, "Scale increases"),
        note: "Year three.",
      }),
    ]),
    summary(
      "overtime-tiers",
      null,
      "Pay goes to triple time once a workday passes 15 elapsed hours. On Call classifications get double time on the seventh day.",
      [
        finding({
          code: "OT.ESCALATOR",
          strength: "compensation",
          value: times(3, "straight-time rate"),
          appliesTo: "employee",
          evidence: seen(IATSE.celebrityAccess, "Triple time after 15 elapsed hours"),
          note: "Applies once the workday exceeds 15 elapsed hours.",
        }),
        finding({
          code: "OT.THRESHOLD",
          value: hours(15),
          appliesTo: "employee",
          evidence: seen(IATSE.celebrityAccess, "Triple time after 15 elapsed hours"),
          note: "Threshold of the triple-time tier, in elapsed hours.",
        }),
        finding({
          code: "OT.ESCALATOR",
          strength: "compensation",
          value: times(2, "straight-time rate"),
          appliesTo: "employee",
          classification: "On Call classifications",
          evidence: seen(IATSE.celebrityAccess, "Double time on the 7th day for On Call"),
          note: "Seventh day worked.",
        }),
      ],
    ),
    summary(
      "ai-displacement",
      null,
      "No employee has to provide AI prompts in a way that would displace any covered employee.",
      [
        finding({
          code: "JOB.NO_DISPLACE",
          strength: "prohibition",
          value: text("No AI prompting that would displace a covered employee"),
          appliesTo: "employee",
          evidence: seen(IATSE.celebrityAccess, ROW_SOURCE),
        }),
      ],
    ),
    summary(
      "ai-meetings",
      null,
      "At the union's request, quarterly meetings with individual companies and twice-yearly industry-wide meetings on AI.",
      [
        finding({
          code: "PART.JOINT_BODY",
          value: text("Quarterly company meetings and twice-yearly industry-wide meetings, on union request"),
          evidence: seen(IATSE.celebrityAccess, ROW_SOURCE),
        }),
      ],
    ),
    summary(
      "ai-impact-bargaining",
      null,
      "The employer must negotiate with the union over any impact that using AI systems may have on employees, with limited exceptions.",
      [
        finding({
          code: "PART.BARGAIN_IMPACT",
          strength: "bargaining_duty",
          value: text("Negotiate with the union over the impact of AI systems on employees"),
          appliesTo: "employee",
          evidence: seen(IATSE.variety, "Duty to negotiate AI impact, with limited exceptions"),
        }),
      ],
    ),
    summary(
      "ai-tools-and-scanning",
      null,
      "Employees may ask for consultation on AI. An AI training committee is set up. AI work may not be outsourced to non-union labour. Employees who use their own AI systems receive a kit-rental fee. AI scanning needs separate consent and cannot be made a condition of employment.",
      [
        finding({
          code: "PART.CONSULT",
          strength: "consultation",
          value: text("Right to request consultation"),
          evidence: seen(IATSE.aiInject, "Right to request consultation"),
        }),
        finding({
          code: "JOB.RETRAIN",
          value: text("AI training committee"),
          evidence: seen(IATSE.aiInject, "AI training committee"),
        }),
        finding({
          code: "JOB.OUTSOURCING",
          strength: "prohibition",
          evidence: seen(IATSE.aiInject, "No outsourcing of AI work to non-union labour"),
        }),
        finding({
          code: "JOB.TOOL_FEE",
          strength: "compensation",
          appliesTo: "employee",
          evidence: seen(IATSE.aiInject, "Kit rental fee for employees' own AI systems"),
          note: "Amount not in the research.",
        }),
        finding({
          code: "AI.CONSENT.CREATE",
          strength: "consent",
          value: text("Separate consent for AI scanning; not a condition of employment"),
          appliesTo: "employee",
          evidence: seen(IATSE.aiInject, "Separate consent for AI scanning"),
        }),
      ],
    ),
    summary(
      "technological-change",
      null,
      "Reports conflict on whether the existing technological-change severance and retraining rights extend to displacement by AI.",
      [
        finding({
          code: "JOB.SEVERANCE",
          present: "unknown",
          confidence: 0.3,
          evidence: [
            seen(IATSE.aiInject, "Says there is no severance for AI displacement"),
            seen(IATSE.icaro, "Says severance and retraining rights do apply"),
          ],
          note: "Conflicting reports; unresolved.",
        }),
      ],
    ),
  ],
  notes: ["Whether technological-change severance and retraining cover AI is disputed between sources."],
};

const iatseAreaStandards: Agreement = {
  id: "us-iatse-area-standards-2024",
  title: "2024–2027 Area Standards Agreement",
  titleEn: null,
  titleKind: "descriptive",
  status: "concluded",
  parties: [
    {
      name: "International Alliance of Theatrical Stage Employees (IATSE)",
      role: "union",
      note: "23 locals.",
    },
    AMPTP,
  ],
  countries: ["US"],
  subdivisions: [],
  level: "sector",
  sectors: ["film", "tv", "streaming"],
  occupations: ["crew"],
  coverage: coverage({ employees: true }),
  workersCovered: { low: 20000, high: 25000 },
  dates: dates({
    tentative: "2024-06-27",
    ratified: "2024-07-18",
    ratificationVoteShare: 87.2,
    inForceFrom: "2024",
    inForceTo: "2027",
  }),
  languages: ["en"],
  lineage: [],
  sources: [
    source(IATSE.screenDaily, "Screen Daily: IATSE members ratify three-year deal", "secondary"),
    source(IATSE.bleedingCool, "Bleeding Cool: IATSE members ratify Hollywood Basic and Area Standards", "secondary"),
    source(IATSE.celebrityAccess, "CelebrityAccess: IATSE reaches a tentative deal with the studios", "secondary"),
  ],
  clauses: [
    summary("wages", null, "Wages rise 7%, 4% and 3.5% over the three years.", [
      finding({
        code: "PAY.INCREASE",
        value: pct(7),
        evidence: seen(IATSE.screenDaily, "Wage increases"),
        note: "Year one.",
      }),
      finding({
        code: "PAY.INCREASE",
        value: pct(4),
        evidence: seen(IATSE.screenDaily, "Wage increases"),
        note: "Year two.",
      }),
      finding({
        code: "PAY.INCREASE",
        value: pct(3.5),
        evidence: seen(IATSE.screenDaily, "Wage increases"),
        note: "Year three.",
      }),
    ]),
    summary(
      "ai-terms",
      null,
      "Assumed to carry the same AI terms as the Hollywood Basic Agreement negotiated alongside it.",
      [
        finding({
          code: "JOB.NO_DISPLACE",
          strength: "prohibition",
          appliesTo: "employee",
          evidence: inferred(IATSE.celebrityAccess, "Assumed to match the Basic Agreement's AI terms"),
        }),
        finding({
          code: "PART.BARGAIN_IMPACT",
          strength: "bargaining_duty",
          appliesTo: "employee",
          evidence: inferred(IATSE.celebrityAccess, "Assumed to match the Basic Agreement's AI terms"),
        }),
      ],
    ),
  ],
  notes: [],
};

// --- The Animation Guild 2024–2027 ------------------------------------------------------------

const TAG = {
  oneClick: "https://oneclickhindi.com/the-animation-guild-ratifies-deal-with-studios",
  getCoAi: "https://getcoai.com/news/animation-artists-challenge-ai-terms-in-new-guild-contract",
};

const tag2024: Agreement = {
  id: "us-tag-master-2024",
  title: "2024–2027 Master Agreement",
  titleEn: null,
  titleKind: "descriptive",
  status: "concluded",
  parties: [{ name: "The Animation Guild (IATSE Local 839)", role: "union" }, AMPTP],
  countries: ["US"],
  subdivisions: [],
  level: "sector",
  sectors: ["animation", "tv", "film"],
  occupations: ["animation_worker", "writer"],
  coverage: UNKNOWN_COVERAGE,
  workersCovered: null,
  dates: dates({
    tentative: "2024-11-23",
    ratificationVoteShare: 76.1,
    inForceFrom: "2024",
    inForceTo: "2027",
    note: "Ratification date not in the research.",
  }),
  languages: ["en"],
  lineage: [],
  sources: [
    source(TAG.oneClick, "The Animation Guild ratifies deal with studios", "secondary"),
    source(TAG.getCoAi, "CO/AI: animation artists challenge AI terms in new guild contract", "secondary"),
  ],
  clauses: [
    summary(
      "ai-notice-consultation",
      null,
      "Employers give written notice and consult before using generative AI, including on alternative tools that are not generative. Members cannot opt out of AI use, and nothing bars using their work for training.",
      [
        finding({
          code: "PART.CONSULT",
          strength: "consultation",
          value: text("Written notice and consultation, including on non-generative alternative tools"),
          evidence: [seen(TAG.getCoAi, "Notice and consultation terms"), seen(TAG.oneClick, ROW_SOURCE)],
        }),
        finding({
          code: "AI.NO_FORCED_USE",
          present: "no",
          evidence: seen(TAG.getCoAi, "No opt-out from AI use"),
          note: "Members cannot opt out of using AI.",
        }),
        finding({
          code: "AI.TRAIN",
          present: "no",
          evidence: seen(TAG.getCoAi, "No bar on using members' work for training"),
        }),
      ],
    ),
    summary("staffing", null, "Animated TV shows must engage at least three writers, with exceptions.", [
      finding({
        code: "JOB.STAFFING",
        value: num(3, "count"),
        classification: "writers on animated TV shows",
        evidence: seen(TAG.oneClick, "Minimum of three writers"),
        note: "With exceptions.",
      }),
    ]),
    summary("pay-equity", null, "Pay equity for colour designers.", [
      finding({
        code: "PAY.EQUAL",
        value: text("Pay equity for colour designers"),
        classification: "colour designers",
        evidence: seen(TAG.oneClick, "Pay equity for colour designers"),
      }),
    ]),
    summary("wages", null, "Wages rise 7%, 4% and 3.5% over the three years.", [
      finding({
        code: "PAY.INCREASE",
        value: pct(7),
        evidence: seen(TAG.oneClick, "Wage increases"),
        note: "Year one.",
      }),
      finding({
        code: "PAY.INCREASE",
        value: pct(4),
        evidence: seen(TAG.oneClick, "Wage increases"),
        note: "Year two.",
      }),
      finding({
        code: "PAY.INCREASE",
        value: pct(3.5),
        evidence: seen(TAG.oneClick, "Wage increases"),
        note: "Year three.",
      }),
    ]),
  ],
  notes: [],
};

// --- AFM 2024 Basic Theatrical and Television Motion Picture Agreements -----------------------

const AFM = {
  yahoo: "https://au.sports.yahoo.com/afm-ratifies-deal-ai-protections-155448752.html",
  local47: "https://afm47.org/press/wp-json/wp/v2/posts/9900",
};

const afm2024: Agreement = {
  id: "us-afm-theatrical-tv-2024",
  title: "2024 Basic Theatrical Motion Picture and Basic Television Motion Picture Agreements",
  titleEn: null,
  titleKind: "descriptive",
  status: "concluded",
  parties: [{ name: "American Federation of Musicians (AFM)", role: "union" }, AMPTP],
  countries: ["US", "CA"],
  subdivisions: [],
  level: "sector",
  sectors: ["film", "tv"],
  occupations: ["musician"],
  coverage: UNKNOWN_COVERAGE,
  workersCovered: null,
  dates: dates({
    tentative: "2024-02-23",
    inForceFrom: "2024",
    note: "Ratified by about 2 Apr 2024; exact date and vote not in the research.",
  }),
  languages: ["en"],
  lineage: [],
  sources: [
    source(AFM.yahoo, "Yahoo: AFM ratifies deal with AI protections", "secondary"),
    source(AFM.local47, "AFM Local 47 press post on the ratified agreements", "primary"),
  ],
  clauses: [
    summary(
      "ai-prompting",
      null,
      "When a musician's work is used to prompt an AI system, the musician is paid three hours at the electronic multi-tracking rate for each 15 minutes of AI-generated music; when the prompt is a solo, the soloist gets two three-hour session fees per 15 minutes.",
      [
        finding({
          code: "AI.COMP.PROMPT",
          strength: "compensation",
          value: num(3, "hours", per("minute", 15)),
          evidence: seen(AFM.yahoo, "Three hours per 15 minutes of AI music"),
          note: "Paid at the electronic multi-tracking rate, per 15 minutes of AI-generated music.",
        }),
        finding({
          code: "AI.COMP.PROMPT",
          strength: "compensation",
          value: num(2, "sessions", per("minute", 15)),
          classification: "soloist whose solo is the prompt",
          evidence: seen(AFM.yahoo, "Two 3-hour session fees per 15 minutes for a solo prompt"),
          note: "Three-hour session fees.",
        }),
      ],
    ),
    summary("human-musicians", null, "The agreements state that musicians are human beings.", [
      finding({
        code: "AI.HUMAN",
        value: text("Musicians are human beings"),
        evidence: seen(AFM.yahoo, "Musicians are humans"),
      }),
    ]),
    summary("streaming-residuals", null, "Introduces the musicians' first streaming residuals.", [
      finding({
        code: "PAY.SECONDARY",
        strength: "compensation",
        value: text("First streaming residuals"),
        evidence: [seen(AFM.yahoo, ROW_SOURCE), seen(AFM.local47, ROW_SOURCE)],
        note: "A starting pool of $350 per episode is reported only in a secondary source the research does not name, so it is not coded as a value.",
      }),
    ]),
  ],
  notes: [],
};

export const US_SCREEN_AGREEMENTS: Agreement[] = [
  sagAftra2023,
  sagAftra2026,
  wga2023,
  wga2026,
  dga2023,
  iatseBasic,
  iatseAreaStandards,
  tag2024,
  afm2024,
];
