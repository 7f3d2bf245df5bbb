// Standard signals of an asset's or a member's AI-use policy (issue 6): pure functions of a
// SignalPolicy, no database. Each file follows one published standard and says which revision.

import { type AiprefSignal, aipref } from "./aipref.ts";
import { type CawgTrainingMining, cawgTrainingMining } from "./cawg.ts";
import { iptcDataMining, iptcLinkedRightsExpr } from "./iptc.ts";
import type { SignalPolicy } from "./policy.ts";
import { robotsTxt } from "./robots.ts";
import { type TdmPolicy, type TdmrepRule, tdmPolicy, tdmrepHeaders, tdmrepWellKnown } from "./tdmrep.ts";

export * from "./aipref.ts";
export * from "./cawg.ts";
export * from "./iptc.ts";
export * from "./policy.ts";
export * from "./robots.ts";
export * from "./tdmrep.ts";

export interface StandardSignals {
  tdmrep: { wellKnown: TdmrepRule[]; headers: Record<string, string>; policy: TdmPolicy };
  cawg: CawgTrainingMining;
  iptc: { dataMining: string; linkedRightsExpr: ReturnType<typeof iptcLinkedRightsExpr> };
  aipref: AiprefSignal;
  robotsTxt: string[];
}

/** Every export at once, e.g. for a member's "signals" page or an asset's download. */
export function standardSignals(policy: SignalPolicy): StandardSignals {
  return {
    tdmrep: { wellKnown: tdmrepWellKnown(policy), headers: tdmrepHeaders(policy), policy: tdmPolicy(policy) },
    cawg: cawgTrainingMining(policy),
    iptc: { dataMining: iptcDataMining(policy), linkedRightsExpr: iptcLinkedRightsExpr(policy) },
    aipref: aipref(policy),
    robotsTxt: robotsTxt(policy),
  };
}
