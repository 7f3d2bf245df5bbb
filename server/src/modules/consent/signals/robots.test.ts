import { describe, expect, it } from "vitest";
import { AI_INPUT_AGENTS, AI_TRAINING_CRAWLERS, robotsTxt } from "./robots.ts";
import {
  aiprefPreferences,
  contentUsageFor,
  EVERY_USE,
  fixture,
  groupFor,
  jsonFixture,
  mayCrawl,
  parseRobotsTxt,
  samplePolicy,
} from "./test-helpers.ts";

const text = (lines: string[]) => `${lines.join("\n")}\n`;
const trainingPreference = (preference: string | null) =>
  preference === null ? null : aiprefPreferences(preference, ["train-ai"])["train-ai"];

describe("the robots.txt reader used to check the lines", () => {
  it("reads the attach draft's example as the draft's table says", () => {
    const groups = parseRobotsTxt(fixture("aipref-attach.robots.txt"));
    for (const row of jsonFixture<{ agent: string; path: string; crawl: boolean; contentUsage: string | null }[]>(
      "aipref-attach.paths.json",
    )) {
      const rules = groupFor(groups, row.agent);
      expect(mayCrawl(rules, row.path), `${row.agent} ${row.path}`).toBe(row.crawl);
      expect(contentUsageFor(rules, row.path), `${row.agent} ${row.path}`).toBe(row.contentUsage);
    }
  });

  it("rejects what the grammar does not allow", () => {
    expect(() => parseRobotsTxt("Disallow: /\n")).toThrow(/before any user-agent/);
    expect(() => parseRobotsTxt("User-agent: *\nDisallow: private\n")).toThrow();
    expect(() => parseRobotsTxt("User-agent: *\nContent-Usage: / Train-AI=n\n")).toThrow(/Dictionary/);
    expect(() => parseRobotsTxt("User-agent: Bot 2\n")).toThrow();
  });
});

describe("robotsTxt", () => {
  it("starts with comments naming Guildhall and the policy URL", () => {
    const lines = robotsTxt(samplePolicy());
    expect(lines.slice(0, 2)).toEqual([
      "# Guildhall: AI-use preferences of Ana Ruiz",
      "# Policy, and where to ask for consent: https://guildhall.example/consent/policies/0b6f3c1e",
    ]);
    expect(lines[2]).toMatch(/^# .*draft-ietf-aipref-vocab-06/);
  });

  it("by default keeps every AI crawler and AI agent out of the member's paths, and states train-ai=n to others", () => {
    const policy = samplePolicy({ paths: ["/portfolio/", "/voice-reels/"] });
    const groups = parseRobotsTxt(text(robotsTxt(policy)));
    for (const { token } of [...AI_TRAINING_CRAWLERS, ...AI_INPUT_AGENTS]) {
      const rules = groupFor(groups, token);
      expect(mayCrawl(rules, "/portfolio/still-01.jpg"), token).toBe(false);
      expect(mayCrawl(rules, "/voice-reels/reel.mp3"), token).toBe(false);
      expect(mayCrawl(rules, "/about"), token).toBe(true);
    }
    for (const agent of ["GPTBot", "gptbot", "PerplexityBot", "anthropic-ai", "Google-Extended"]) {
      expect(mayCrawl(groupFor(groups, agent), "/portfolio/"), agent).toBe(false);
    }
    const others = groupFor(groups, "Googlebot");
    expect(mayCrawl(others, "/portfolio/still-01.jpg")).toBe(true);
    expect(trainingPreference(contentUsageFor(others, "/portfolio/still-01.jpg"))).toBe("disallowed");
    expect(contentUsageFor(others, "/about")).toBeNull();
  });

  it("lets crawlers in only for the uses that are open", () => {
    const trainingOpen = parseRobotsTxt(
      text(robotsTxt(samplePolicy({ permittedUses: EVERY_USE.filter((use) => use !== "inference") }))),
    );
    expect(mayCrawl(groupFor(trainingOpen, "GPTBot"), "/")).toBe(true);
    expect(trainingPreference(contentUsageFor(groupFor(trainingOpen, "GPTBot"), "/"))).toBe("allowed");
    expect(mayCrawl(groupFor(trainingOpen, "ChatGPT-User"), "/")).toBe(false);

    const allOpen = parseRobotsTxt(text(robotsTxt(samplePolicy({ permittedUses: EVERY_USE }))));
    expect(allOpen.map((group) => group.agents)).toEqual([["*"]]);
    expect(trainingPreference(contentUsageFor(groupFor(allOpen, "CCBot"), "/x"))).toBe("allowed");

    const paid = parseRobotsTxt(
      text(robotsTxt(samplePolicy({ permittedUses: EVERY_USE, compensationRequired: true }))),
    );
    expect(mayCrawl(groupFor(paid, "CCBot"), "/")).toBe(false);
  });

  it("lists the crawlers of the community list under their published tokens, each once", () => {
    const published = jsonFixture<Record<string, unknown>>("ai-robots.subset.json");
    const tokens = [...AI_TRAINING_CRAWLERS, ...AI_INPUT_AGENTS].map((crawler) => crawler.token);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens) expect(Object.keys(published)).toContain(token);
    for (const token of ["GPTBot", "ClaudeBot", "Google-Extended", "Applebot-Extended", "CCBot", "anthropic-ai"]) {
      expect(AI_TRAINING_CRAWLERS.map((crawler) => crawler.token)).toContain(token);
    }
    for (const token of ["Meta-ExternalAgent", "Bytespider"]) {
      expect(AI_TRAINING_CRAWLERS.map((crawler) => crawler.token)).toContain(token);
    }
    expect(AI_INPUT_AGENTS.map((crawler) => crawler.token)).toContain("PerplexityBot");
  });

  it("can be appended to a member's robots.txt without loosening it", () => {
    const existing = ["User-agent: *", "Disallow: /drafts/", "", "User-agent: GPTBot", "Allow: /press/", ""];
    const groups = parseRobotsTxt(text([...existing, ...robotsTxt(samplePolicy())]));
    expect(mayCrawl(groupFor(groups, "Googlebot"), "/drafts/x")).toBe(false);
    expect(mayCrawl(groupFor(groups, "Googlebot"), "/portfolio")).toBe(true);
    expect(mayCrawl(groupFor(groups, "GPTBot"), "/portfolio")).toBe(false);
    expect(mayCrawl(groupFor(groups, "GPTBot"), "/press/release")).toBe(true);
    expect(trainingPreference(contentUsageFor(groupFor(groups, "GPTBot"), "/press/release"))).toBe("disallowed");

    const closed = parseRobotsTxt(text(["User-agent: *", "Disallow: /", "", ...robotsTxt(samplePolicy())]));
    expect(mayCrawl(groupFor(closed, "Googlebot"), "/")).toBe(false);
    expect(mayCrawl(groupFor(closed, "Googlebot"), "/portfolio/still-01.jpg")).toBe(false);
  });

  it("keeps a name with robots.txt syntax in it inside its comment", () => {
    const lines = robotsTxt(samplePolicy({ assigner: { name: "Ana # Ruiz User-agent: * Allow: /" } }));
    expect(parseRobotsTxt(text(lines))).toEqual(parseRobotsTxt(text(robotsTxt(samplePolicy()))));
    expect(() => robotsTxt(samplePolicy({ assigner: { name: "Ana\nUser-agent: *\nAllow: /" } }))).toThrow();
  });
});
