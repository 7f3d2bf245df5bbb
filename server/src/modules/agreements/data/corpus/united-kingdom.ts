import type { Agreement } from "../../../../../../common/agreements.ts";
import {
  dates,
  duration,
  finding,
  money,
  pct,
  per,
  seen,
  seen2nd,
  source,
  summary,
  times,
  UNKNOWN_COVERAGE,
} from "./helpers.ts";

const EQUITY = { name: "Equity", role: "union" } as const;

// --- Equity video games agreement ------------------------------------------------------------

const GAMES = {
  nordot: "https://nordot.app/841359920582590464",
  americanActors: "https://www.americanactorsuk.com/node/2075",
};

const equityGames2021: Agreement = {
  id: "gb-equity-games-2021",
  title: "Equity Games Agreement (audio and voice)",
  titleEn: null,
  titleKind: "descriptive",
  status: "concluded",
  parties: [EQUITY, { name: "OMUK", role: "employer", note: "First signatory." }],
  countries: ["GB"],
  subdivisions: [],
  level: "sector",
  sectors: ["games"],
  occupations: ["voice_performer"],
  coverage: UNKNOWN_COVERAGE,
  workersCovered: null,
  dates: dates({ signed: "2021-12", note: "Eighteen-month term." }),
  languages: ["en"],
  lineage: [],
  sources: [
    source(GAMES.nordot, "Nordot: Equity video games agreement", "secondary"),
    source(GAMES.americanActors, "American Actors UK: Equity games agreement", "secondary"),
  ],
  clauses: [
    summary(
      "rates",
      null,
      "Minimum hourly rates depend on the game's budget: £300 an hour for standard games (budget over £5m) and £175 an hour for micro games (budget under £0.5m). The first hour is paid at double rate.",
      [
        finding({
          code: "PAY.TIER",
          strength: "compensation",
          value: money("300.00", "GBP", per("hour")),
          classification: "standard games (budget over £5m)",
          evidence: [seen(GAMES.nordot, "Standard tier rate"), seen(GAMES.americanActors, "Standard tier rate")],
        }),
        finding({
          code: "PAY.TIER",
          strength: "compensation",
          value: money("175.00", "GBP", per("hour")),
          classification: "micro games (budget under £0.5m)",
          evidence: [seen(GAMES.nordot, "Micro tier rate"), seen(GAMES.americanActors, "Micro tier rate")],
        }),
        finding({
          code: "PAY.MIN",
          strength: "compensation",
          value: times(2, "hourly rate"),
          classification: "first hour of a session",
          evidence: seen(GAMES.nordot, "First hour at double rate"),
        }),
      ],
    ),
    summary("term", null, "Runs for 18 months.", [
      finding({ code: "META.TERM", value: duration("P18M"), evidence: seen(GAMES.nordot, "18-month term") }),
    ]),
  ],
  notes: [],
};

// --- Musicians' Union – BPI agreement ---------------------------------------------------------

const MU = {
  bpiPage:
    "https://musiciansunion.org.uk/Home/Advice/Recording-Broadcasting/Session-Musicians/TV-and-Film-Agreements/AGre/BPI-MU-Agreements",
  newson:
    "https://newson.news/full-statement-from-bpis-sophie-jones-after-talks-over-a-new-session-musician-agreement-stall/",
  aiPolicy:
    "https://musiciansunion.org.uk/news/mu-general-secretary-meets-culture-secretary-to-discuss-arts-funding-and-ai",
};

const muBpi: Agreement = {
  id: "gb-mu-bpi-sessions",
  title: "MU–BPI Agreement",
  titleEn: null,
  titleKind: "descriptive",
  status: "concluded",
  parties: [
    { name: "Musicians' Union (MU)", role: "union" },
    { name: "BPI (British Phonographic Industry)", role: "employer_association" },
  ],
  countries: ["GB"],
  subdivisions: [],
  level: "sector",
  sectors: ["recorded_music"],
  occupations: ["musician"],
  coverage: UNKNOWN_COVERAGE,
  workersCovered: null,
  dates: dates({ note: "Current rates, from a union page updated on 28 Apr 2023." }),
  languages: ["en"],
  lineage: [],
  sources: [
    source(MU.bpiPage, "Musicians' Union: BPI–MU agreements (session musicians)", "primary", {
      note: "Page updated 28 Apr 2023.",
    }),
    source(MU.newson, "Statement from the BPI after talks on a new session musician agreement stalled", "secondary", {
      note: "Context: the 2023 negotiations.",
    }),
    source(
      MU.aiPolicy,
      "Musicians' Union: general secretary meets the culture secretary on arts funding and AI",
      "primary",
      {
        note: "Context: MU AI policy demands.",
      },
    ),
  ],
  clauses: [
    summary(
      "session-fees",
      null,
      "A standard three-hour session pays £130, a long session £194.40 and a short session £97.20. Doubling on a second instrument adds 25%, trebling 40% and overdubbing 110%.",
      [
        finding({
          code: "PAY.MIN",
          strength: "compensation",
          value: money("130.00", "GBP", per("session")),
          classification: "standard session (3 hours)",
          evidence: seen(MU.bpiPage, "Standard session fee"),
        }),
        finding({
          code: "PAY.MIN",
          strength: "compensation",
          value: money("194.40", "GBP", per("session")),
          classification: "long session",
          evidence: seen(MU.bpiPage, "Long session fee"),
        }),
        finding({
          code: "PAY.MIN",
          strength: "compensation",
          value: money("97.20", "GBP", per("session")),
          classification: "short session",
          evidence: seen(MU.bpiPage, "Short session fee"),
        }),
        finding({
          code: "PAY.MIN",
          strength: "compensation",
          value: pct(25),
          classification: "doubling supplement",
          evidence: seen(MU.bpiPage, "Doubling +25%"),
        }),
        finding({
          code: "PAY.MIN",
          strength: "compensation",
          value: pct(40),
          classification: "trebling supplement",
          evidence: seen(MU.bpiPage, "Trebling +40%"),
        }),
        finding({
          code: "PAY.MIN",
          strength: "compensation",
          value: pct(110),
          classification: "overdubbing supplement",
          evidence: seen(MU.bpiPage, "Overdubbing +110%"),
        }),
      ],
    ),
    summary("overtime", null, "Overtime is paid at £32.50 for each 15 minutes.", [
      finding({
        code: "OT.UNIT",
        strength: "compensation",
        value: money("32.50", "GBP", per("minute", 15)),
        evidence: seen(MU.bpiPage, "Overtime per 15 minutes"),
      }),
    ]),
  ],
  notes: [
    "No AI clause was found in MU collective agreements; the union's AI positions (consent, labelling, remuneration, personality rights) are policy demands.",
    "In 2023 the BPI offered about 38–40% more; the MU rejected the offer and sought royalties.",
  ],
};

// --- Pact–Equity cinema and TV agreements ------------------------------------------------------

const PACT = {
  ballot: "https://www.equity.org.uk/campaigns-policy/indicative-ballot-for-ai-protections",
  wiggin: "https://wiggin.eu/insight/",
  broadwayWorld:
    "https://www.broadwayworld.com/westend/article/Performers-Offered-Better-AI-Protections-After-Ballot-20260121",
  worldOfSoftware: "https://worldofsoftware.org/?p=889343",
  visionStatement: "https://equity.org.uk/advice-and-support/know-your-rights/ai-toolkit/equitys-ai-vision-statement",
};

const WIGGIN_NOTE =
  "No AI terms in the current text; the research cites this only by a shortened wiggin.eu/insight/ address.";

const pactEquity: Agreement = {
  id: "gb-pact-equity-cinema-tv-2021",
  title: "Pact/Equity Cinema and Television Agreements",
  titleEn: null,
  titleKind: "descriptive",
  status: "concluded",
  parties: [EQUITY, { name: "Pact (Producers Alliance for Cinema and Television)", role: "employer_association" }],
  countries: ["GB"],
  subdivisions: [],
  level: "sector",
  sectors: ["film", "tv"],
  occupations: ["performer"],
  coverage: UNKNOWN_COVERAGE,
  workersCovered: null,
  dates: dates({ note: "Current text last updated in 2021; renegotiation under way in 2025–26." }),
  languages: ["en"],
  lineage: [],
  sources: [
    source(PACT.ballot, "Equity: indicative ballot for AI protections", "primary"),
    source(PACT.wiggin, "Wiggin insight article on Equity and AI", "secondary", {
      partialUrl: true,
      note: "The research gives only the shortened address wiggin.eu/insight/...",
    }),
    source(PACT.broadwayWorld, "BroadwayWorld: performers offered better AI protections after ballot", "secondary"),
    source(PACT.worldOfSoftware, "World of Software: Equity and Pact AI talks", "secondary"),
    source(PACT.visionStatement, "Equity: AI vision statement", "primary", {
      note: "Context: Equity's AI principles.",
    }),
  ],
  clauses: [
    summary(
      "ai-terms",
      null,
      "The current agreements contain no terms on AI; talks on AI protections were still under way at the time of the research.",
      [
        finding({ code: "AI.CONSENT.CREATE", present: "no", evidence: seen2nd(PACT.wiggin, WIGGIN_NOTE) }),
        finding({ code: "AI.CONSENT.USE", present: "no", evidence: seen2nd(PACT.wiggin, WIGGIN_NOTE) }),
        finding({ code: "AI.TRAIN", present: "no", evidence: seen2nd(PACT.wiggin, WIGGIN_NOTE) }),
      ],
    ),
  ],
  notes: [
    "Indicative ballot in Dec 2025 among about 7,000 members: 75.1% turnout, 99.6% in favour of refusing digital scanning (a ballot, not a ratification).",
    "Pact sent an improved offer on 19 Jan 2026; the outcome was not found.",
    "Equity is reported to seek retroactive payments when back catalogues are licensed for AI training (an AI.ROYALTY demand, not an agreed term); Pact has offered a joint panel to review innovations (not agreed).",
    "Equity's AI vision statement sets eight principles: consent, licensing, moral rights, transparency, consultation, remuneration, equal treatment and collectively bargained engagement.",
  ],
};

export const UNITED_KINGDOM_AGREEMENTS: Agreement[] = [equityGames2021, muBpi, pactEquity];
