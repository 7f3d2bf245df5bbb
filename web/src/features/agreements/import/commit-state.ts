import { z } from "zod";
import {
  AGREEMENT_LEVELS,
  AGREEMENT_STATUSES,
  isPartialDate,
  OCCUPATIONS,
  PARTY_ROLES,
  partialDatesInOrder,
  SECTORS,
  slugSchema,
} from "../../../../../common/agreements.ts";
import { type ImportCommit, importCommitSchema } from "../../../../../common/agreements-import.ts";
import type { FieldError } from "../../../lib/api.ts";

export type PartyRole = (typeof PARTY_ROLES)[number];
export type Level = (typeof AGREEMENT_LEVELS)[number];
export type Status = (typeof AGREEMENT_STATUSES)[number];
export type Sector = (typeof SECTORS)[number];
export type Occupation = (typeof OCCUPATIONS)[number];

export interface CommitDraft {
  title: string;
  titleEn: string;
  id: string;
  /** The id was typed, so it no longer follows the title. */
  idEdited: boolean;
  status: Status;
  level: Level;
  parties: { name: string; role: PartyRole }[];
  countries: string[];
  sectors: Sector[];
  occupations: Occupation[];
  signed: string;
  inForceFrom: string;
  inForceTo: string;
  openEnded: boolean;
  sourceUrl: string;
  sourceTitle: string;
}

/** Where a problem is shown; `party-N` is the N-th party's name. */
export type CommitField =
  | "title"
  | "titleEn"
  | "id"
  | "status"
  | "level"
  | `party-${number}`
  | "countries"
  | "sectors"
  | "occupations"
  | "signed"
  | "inForceFrom"
  | "inForceTo"
  | "sourceUrl"
  | "sourceTitle";

/** Translation keys under `agreements.import.commit.errors`. */
export type CommitProblem =
  | "titleRequired"
  | "titleTooLong"
  | "idInvalid"
  | "idTaken"
  | "partyNameRequired"
  | "countriesRequired"
  | "sectorsRequired"
  | "dateInvalid"
  | "datesOrder"
  | "openEndedWithEnd"
  | "urlInvalid"
  | "sourceTitleRequired"
  | "invalidValue";

export type CommitErrors = Partial<Record<CommitField, CommitProblem>>;

export function initialCommitDraft(unionName: string, sourceTitle: string): CommitDraft {
  return {
    title: "",
    titleEn: "",
    id: "",
    idEdited: false,
    status: "concluded",
    level: "sector",
    parties: [{ name: unionName, role: "union" }],
    countries: [],
    sectors: [],
    occupations: [],
    signed: "",
    inForceFrom: "",
    inForceTo: "",
    openEnded: false,
    sourceUrl: "",
    sourceTitle,
  };
}

const storedDraftSchema = z.object({
  title: z.string(),
  titleEn: z.string(),
  id: z.string(),
  idEdited: z.boolean(),
  status: z.enum(AGREEMENT_STATUSES),
  level: z.enum(AGREEMENT_LEVELS),
  parties: z.array(z.object({ name: z.string(), role: z.enum(PARTY_ROLES) })).min(1),
  countries: z.array(z.string()),
  sectors: z.array(z.enum(SECTORS)),
  occupations: z.array(z.enum(OCCUPATIONS)),
  signed: z.string(),
  inForceFrom: z.string(),
  inForceTo: z.string(),
  openEnded: z.boolean(),
  sourceUrl: z.string(),
  sourceTitle: z.string(),
});

/** A draft kept in this tab's storage, if it is still one this form can show. */
export function parseStoredDraft(text: string | null): CommitDraft | null {
  if (!text) {
    return null;
  }
  try {
    const parsed = storedDraftSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const DATE_FIELDS = ["signed", "inForceFrom", "inForceTo"] as const;

/** Checks the form as the API would, and builds what it is sent. */
export function commitFromDraft(draft: CommitDraft): { commit: ImportCommit } | { errors: CommitErrors } {
  const errors: CommitErrors = {};
  const title = draft.title.trim();
  if (title === "") errors.title = "titleRequired";
  else if (title.length > 500) errors.title = "titleTooLong";
  if (draft.titleEn.trim().length > 500) errors.titleEn = "titleTooLong";
  if (!slugSchema.safeParse(draft.id).success) errors.id = "idInvalid";
  draft.parties.forEach((party, index) => {
    if (party.name.trim() === "") errors[`party-${index}`] = "partyNameRequired";
  });
  if (draft.countries.length === 0) errors.countries = "countriesRequired";
  if (draft.sectors.length === 0) errors.sectors = "sectorsRequired";
  for (const field of DATE_FIELDS) {
    const value = draft[field].trim();
    if (value !== "" && !isPartialDate(value)) errors[field] = "dateInvalid";
  }
  const from = draft.inForceFrom.trim() || null;
  const to = draft.inForceTo.trim() || null;
  if (!errors.inForceFrom && !errors.inForceTo && !partialDatesInOrder(from, to)) errors.inForceTo = "datesOrder";
  if (!errors.inForceTo && draft.openEnded && to !== null) errors.inForceTo = "openEndedWithEnd";
  const sourceUrl = draft.sourceUrl.trim();
  if (sourceUrl !== "" && !z.httpUrl().safeParse(sourceUrl).success) errors.sourceUrl = "urlInvalid";
  if (draft.sourceTitle.trim() === "") errors.sourceTitle = "sourceTitleRequired";
  if (Object.keys(errors).length > 0) {
    return { errors };
  }

  const commit: ImportCommit = {
    id: draft.id,
    title,
    titleEn: draft.titleEn.trim() || null,
    status: draft.status,
    parties: draft.parties.map((party) => ({ name: party.name.trim(), role: party.role })),
    countries: draft.countries,
    level: draft.level,
    sectors: draft.sectors,
    occupations: draft.occupations,
    dates: {
      tentative: null,
      signed: draft.signed.trim() || null,
      ratified: null,
      ratificationVoteShare: null,
      inForceFrom: from,
      inForceTo: to,
      openEnded: draft.openEnded,
      note: null,
    },
    sourceUrl: sourceUrl || null,
    sourceTitle: draft.sourceTitle.trim(),
  };
  const checked = importCommitSchema.safeParse(commit);
  return checked.success ? { commit: checked.data } : { errors: { title: "invalidValue" } };
}

/** Which field a server's field error (`body.parties.0.name`, `dates.inForceTo`…) belongs to. */
export function fieldOfPath(path: string): CommitField | null {
  const parts = path.replace(/^body\./, "").split(".");
  const [first, second] = parts;
  switch (first) {
    case "title":
    case "titleEn":
    case "id":
    case "status":
    case "level":
    case "countries":
    case "sectors":
    case "occupations":
    case "sourceUrl":
    case "sourceTitle":
      return first;
    case "parties":
      return `party-${second !== undefined && /^\d+$/.test(second) ? Number(second) : 0}`;
    case "dates":
      return second === "signed" || second === "inForceFrom" ? second : "inForceTo";
    default:
      return null;
  }
}

/** The sentence for a field the server refused: the same one the browser would have given. */
export function problemOfField(field: CommitField): CommitProblem {
  if (field.startsWith("party-")) return "partyNameRequired";
  switch (field) {
    case "title":
      return "titleRequired";
    case "id":
      return "idInvalid";
    case "countries":
      return "countriesRequired";
    case "sectors":
      return "sectorsRequired";
    case "signed":
    case "inForceFrom":
    case "inForceTo":
      return "dateInvalid";
    case "sourceUrl":
      return "urlInvalid";
    case "sourceTitle":
      return "sourceTitleRequired";
    default:
      return "invalidValue";
  }
}

export function errorsFromServer(fields: readonly FieldError[]): CommitErrors {
  const errors: CommitErrors = {};
  for (const { path } of fields) {
    const field = fieldOfPath(path);
    if (field && !errors[field]) errors[field] = problemOfField(field);
  }
  return errors;
}
