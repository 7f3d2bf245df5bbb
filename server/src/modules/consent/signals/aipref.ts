import { allOpen, GENERATIVE_TRAINING, readPolicy, type SignalPolicy } from "./policy.ts";

// IETF AIPREF: a statement of preference is an RFC 9651 Structured Field Dictionary whose keys are
// usage-category labels and whose values are the Tokens `y` (allow) or `n` (disallow); categories
// left out are "unknown". It travels in the HTTP `Content-Usage` response field and in a
// robots.txt rule `Content-Usage: [path ] preference`.
//
// The labels changed between drafts: `tdm`, `ai`, `genai`, `search`, `inference` in one vocab
// revision; `train-ai` and `search` in -05 (December 2025) and -06; `train-ai`, `ai-use`,
// `search` in the editor's copy after -06. Guildhall pins the revision below and emits only
// `train-ai`, the label -05, -06 and the later editor's copy share:
//
// - draft-ietf-aipref-vocab-06 (28 April 2026), §4.1 "AI Model Training" (label `train-ai`):
//   "using an asset in the production or refinement of an AI model that can generate content in
//   one or more modalities". `search` (§4.2) is not Guildhall's to say and is left unknown.
// - draft-ietf-aipref-attach-04 (28 October 2025) for the field and the robots.txt rule
//   (`content-usage = *WS "content-usage" *WS ":" *WS [ path-pattern 1*WS ] usage-pref EOL`).
//
// `train-ai=y` only when generative training, replicas and synthetic performances are all open
// (permitted and free); otherwise `train-ai=n`, since a draft preference has no "ask first".

export const AIPREF_DRAFT = {
  vocab: "draft-ietf-aipref-vocab-06",
  vocabDate: "2026-04-28",
  attach: "draft-ietf-aipref-attach-04",
  attachDate: "2025-10-28",
  fieldName: "Content-Usage",
  labels: { train: "train-ai" },
} as const;

export interface AiprefSignal {
  /** Which drafts the strings follow. */
  draft: typeof AIPREF_DRAFT;
  /** The HTTP field value, e.g. `train-ai=n`. */
  contentUsage: string;
  /** The HTTP field, name and value: `Content-Usage: train-ai=n`. */
  header: string;
  /** robots.txt rules, one per path: `Content-Usage: / train-ai=n`. */
  robotsTxt: string[];
}

export function aipref(policy: SignalPolicy): AiprefSignal {
  const read = readPolicy(policy);
  const contentUsage = `${AIPREF_DRAFT.labels.train}=${allOpen(read, GENERATIVE_TRAINING) ? "y" : "n"}`;
  return {
    draft: AIPREF_DRAFT,
    contentUsage,
    header: `${AIPREF_DRAFT.fieldName}: ${contentUsage}`,
    robotsTxt: read.paths.map((path) => `${AIPREF_DRAFT.fieldName}: ${path} ${contentUsage}`),
  };
}
