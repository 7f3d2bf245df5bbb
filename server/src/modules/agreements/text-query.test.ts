import { describe, expect, it } from "vitest";
import { parseTextQuery } from "./text-query.ts";

const word = (lexeme: string) => ({ kind: "word", lexeme });

describe("parseTextQuery (PostgreSQL's printed tsquery)", () => {
  it("reads words, and, or, not with PostgreSQL's precedence (! then & then |)", () => {
    expect(parseTextQuery("'digit' & 'replica'")).toEqual({ kind: "and", left: word("digit"), right: word("replica") });
    expect(parseTextQuery("'a' | 'b' & !'c'")).toEqual({
      kind: "or",
      left: word("a"),
      right: { kind: "and", left: word("b"), right: { kind: "not", operand: word("c") } },
    });
    expect(parseTextQuery("( 'a' | 'b' ) & 'c'")).toEqual({
      kind: "and",
      left: { kind: "or", left: word("a"), right: word("b") },
      right: word("c"),
    });
  });

  it("unescapes quotes and backslashes inside a lexeme", () => {
    expect(parseTextQuery("'l''été'")).toEqual(word("l'été"));
    expect(parseTextQuery("'a\\\\b'")).toEqual(word("a\\b"));
  });

  it("gives null for an empty query (only stop words) and undefined for what needs word positions", () => {
    expect(parseTextQuery("")).toBeNull();
    expect(parseTextQuery("'digit' <-> 'replica'")).toBeUndefined();
    expect(parseTextQuery("'a' <2> 'b'")).toBeUndefined();
    expect(parseTextQuery("'replic':*")).toBeUndefined();
    expect(parseTextQuery("'a':AB & 'b'")).toBeUndefined();
    expect(parseTextQuery("'a' &")).toBeUndefined();
    expect(parseTextQuery("( 'a'")).toBeUndefined();
    expect(parseTextQuery("'unterminated")).toBeUndefined();
  });
});
