import { describe, expect, it } from "vitest";
import { USE_TYPES } from "../../../../../common/consent.ts";
import { GENERATIVE_TRAINING, MODEL_INPUT, MODEL_TRAINING, standardSignals, TEXT_AND_DATA_MINING } from "./index.ts";
import { samplePolicy } from "./test-helpers.ts";

describe("standardSignals", () => {
  it("gives every export from one policy, all pointing to the same policy URL", () => {
    const signals = standardSignals(samplePolicy());
    const url = "https://guildhall.example/consent/policies/0b6f3c1e";
    expect(signals.tdmrep.wellKnown[0]?.["tdm-policy"]).toBe(url);
    expect(signals.tdmrep.headers["tdm-policy"]).toBe(url);
    expect(signals.tdmrep.policy.uid).toBe(url);
    expect(signals.cawg.entries["cawg.ai_training"].constraint_info).toBe(url);
    expect(signals.iptc.linkedRightsExpr.LinkedRightsExpr).toBe(url);
    expect(signals.robotsTxt.join("\n")).toContain(url);
    expect(signals.aipref.contentUsage).toBe("train-ai=n");
  });

  it("refuses a policy that is not safe to publish", () => {
    expect(() => standardSignals(samplePolicy({ policyUrl: "/consent/policies/1" }))).toThrow();
    expect(() => standardSignals(samplePolicy({ policyUrl: "javascript:alert(1)" }))).toThrow();
    expect(() => standardSignals(samplePolicy({ assigner: { name: " " } }))).toThrow();
    expect(() => standardSignals(samplePolicy({ assigner: { name: "Ana", email: "not an address" } }))).toThrow();
    expect(() => standardSignals(samplePolicy({ paths: [] }))).toThrow();
  });

  it("places every Guildhall use in some outward category", () => {
    const covered = new Set([...MODEL_TRAINING, ...GENERATIVE_TRAINING, ...TEXT_AND_DATA_MINING, ...MODEL_INPUT]);
    expect(USE_TYPES.filter((use) => !covered.has(use))).toEqual([]);
  });
});
