import type { UseType } from "../../../../../common/consent.ts";
import { allOpen, GENERATIVE_TRAINING, MODEL_INPUT, MODEL_TRAINING, readPolicy, type SignalPolicy } from "./policy.ts";

// CAWG Training and Data Mining Assertion 1.1 (DIF, final 6 May 2025): the data of a C2PA
// assertion labelled `cawg.training-mining`, a map of entries whose `use` is `allowed`,
// `notAllowed` or `constrained` ("not unconditionally granted ... contact the rights holder";
// without more information readers treat it as `notAllowed`). The optional `constraint_info`
// says more; Guildhall puts there the policy URL where consent can be asked. Guildhall never
// emits `notAllowed`: every use can be asked for.

export const CAWG_TRAINING_MINING_LABEL = "cawg.training-mining";

export type CawgUse = "allowed" | "notAllowed" | "constrained";
export type CawgKey = "cawg.ai_training" | "cawg.ai_generative_training" | "cawg.ai_inference" | "cawg.data_mining";

export interface CawgEntry {
  use: CawgUse;
  constraint_info?: string;
}

export interface CawgTrainingMining {
  entries: Record<CawgKey, CawgEntry>;
}

/**
 * Which Guildhall uses each pre-defined CAWG entry covers; an entry is `allowed` only when all
 * of them are open (permitted, nothing to pay), else `constrained`.
 *
 * - `cawg.ai_training` (models for classification, detection…, "non-generative"): training and
 *   fine-tuning.
 * - `cawg.ai_generative_training` (models that could generate assets): training, fine-tuning,
 *   and the uses that build a generative model of the person: both kinds of digital replica
 *   and synthetic performance.
 * - `cawg.ai_inference` (the asset as input to a trained model): inference, real-time
 *   generation from it, and AI alteration of a recorded performance.
 * - `cawg.data_mining` (extracting content to find "patterns, trends, and correlations"): the
 *   first step of any training, so it follows training and fine-tuning.
 */
export const CAWG_ENTRY_USES: Readonly<Record<CawgKey, readonly UseType[]>> = {
  "cawg.ai_training": MODEL_TRAINING,
  "cawg.ai_generative_training": GENERATIVE_TRAINING,
  "cawg.ai_inference": MODEL_INPUT,
  "cawg.data_mining": MODEL_TRAINING,
};

/** The assertion's data (`{ entries }`); sign it under the label `cawg.training-mining`. */
export function cawgTrainingMining(policy: SignalPolicy): CawgTrainingMining {
  const read = readPolicy(policy);
  const entry = (key: CawgKey): CawgEntry =>
    allOpen(read, CAWG_ENTRY_USES[key]) ? { use: "allowed" } : { use: "constrained", constraint_info: read.policyUrl };
  return {
    entries: {
      "cawg.ai_training": entry("cawg.ai_training"),
      "cawg.ai_generative_training": entry("cawg.ai_generative_training"),
      "cawg.ai_inference": entry("cawg.ai_inference"),
      "cawg.data_mining": entry("cawg.data_mining"),
    },
  };
}
