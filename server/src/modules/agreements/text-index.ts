import type { TextQuery } from "./text-query.ts";

const NONE = new Int32Array(0);

/**
 * Every clause's lexemes (as PostgreSQL's text search made them, in the clause's own
 * configuration) as posting lists in memory: which clauses hold each lexeme. It answers "how many
 * clauses of each agreement match" for and/or/not queries by merging sorted lists, where the SQL
 * statement must visit every matching clause's row (hundreds of milliseconds for common words).
 */
export class ClauseTextIndex {
  /** Every agreement's number, for a `not` over titles; made on first need. */
  private everyAgreement: Int32Array | undefined;

  /** Built by ClauseTextIndexBuilder. */
  constructor(
    /** Configuration → lexeme → the clauses holding it, by clause number, ascending. */
    private readonly postings: Map<string, Map<string, Int32Array>>,
    /** Configuration → all of its clauses, for `not`. */
    private readonly clausesOf: Map<string, Int32Array>,
    /** Clause number → the agreement's number in `agreementIds`. */
    private readonly agreementOfClause: Int32Array,
    private readonly agreementIds: string[],
    /** Lexeme → the agreements (by number) whose title holds it, in the simple configuration. */
    private readonly titlePostings: Map<string, Int32Array>,
  ) {}

  get clauses(): number {
    return this.agreementOfClause.length;
  }

  /**
   * The number of matching clauses per agreement. `queries` holds each configuration's query
   * (`null`: only stop words, matches nothing); a clause matches its own configuration's query.
   */
  countMatches(queries: ReadonlyMap<string, TextQuery | null>): Map<string, number> {
    const perAgreement = new Int32Array(this.agreementIds.length);
    for (const [config, query] of queries) {
      if (query === null || !this.clausesOf.has(config)) continue;
      for (const clause of this.evaluate(config, query)) {
        const agreement = this.agreementOfClause[clause] as number;
        perAgreement[agreement] = (perAgreement[agreement] ?? 0) + 1;
      }
    }
    const counts = new Map<string, number>();
    for (const [agreement, count] of perAgreement.entries()) {
      if (count > 0) counts.set(this.agreementIds[agreement] as string, count);
    }
    return counts;
  }

  /** The agreements whose title matches the query (of the simple configuration). */
  titleMatches(query: TextQuery | null): string[] {
    if (query === null) return [];
    this.everyAgreement ??= Int32Array.from(this.agreementIds.keys());
    const matches = evaluate(query, (lexeme) => this.titlePostings.get(lexeme) ?? NONE, this.everyAgreement);
    return Array.from(matches, (agreement) => this.agreementIds[agreement] as string);
  }

  private evaluate(config: string, query: TextQuery): Int32Array {
    const lists = this.postings.get(config);
    return evaluate(query, (lexeme) => lists?.get(lexeme) ?? NONE, this.clausesOf.get(config) ?? NONE);
  }
}

/** The sorted numbers matching `query`, given each word's sorted list and the list of everything (for `not`). */
function evaluate(query: TextQuery, listOf: (lexeme: string) => Int32Array, everything: Int32Array): Int32Array {
  const recurse = (part: TextQuery) => evaluate(part, listOf, everything);
  switch (query.kind) {
    case "word":
      return listOf(query.lexeme);
    case "not":
      return difference(everything, recurse(query.operand));
    case "or":
      return union(recurse(query.left), recurse(query.right));
    case "and":
      // `a & !b` as a difference, without listing everything that lacks b.
      if (query.right.kind === "not") return difference(recurse(query.left), recurse(query.right.operand));
      if (query.left.kind === "not") return difference(recurse(query.right), recurse(query.left.operand));
      return intersection(recurse(query.left), recurse(query.right));
  }
}

export class ClauseTextIndexBuilder {
  private readonly lists = new Map<string, Map<string, number[]>>();
  private readonly clausesOf = new Map<string, number[]>();
  private readonly agreementOfClause: number[] = [];
  private readonly agreementIds: string[] = [];
  private readonly agreementNumber = new Map<string, number>();
  private readonly titleLists = new Map<string, number[]>();

  /** Adds one agreement's title words; call for every agreement before its clauses. */
  addTitle(agreementId: string, lexemes: readonly string[]): void {
    const agreement = this.agreementIds.push(agreementId) - 1;
    this.agreementNumber.set(agreementId, agreement);
    for (const lexeme of lexemes) {
      const list = this.titleLists.get(lexeme);
      if (list) list.push(agreement);
      else this.titleLists.set(lexeme, [agreement]);
    }
  }

  /** Adds one clause; clauses get increasing numbers, so every list stays sorted. */
  add(agreementId: string, config: string, lexemes: readonly string[]): void {
    const agreement = this.agreementNumber.get(agreementId);
    // A clause whose agreement was saved after the titles were read: the build is discarded anyway.
    if (agreement === undefined) return;
    const clause = this.agreementOfClause.push(agreement) - 1;
    let lists = this.lists.get(config);
    if (!lists) {
      lists = new Map();
      this.lists.set(config, lists);
      this.clausesOf.set(config, []);
    }
    this.clausesOf.get(config)?.push(clause);
    for (const lexeme of lexemes) {
      const list = lists.get(lexeme);
      if (list) list.push(clause);
      else lists.set(lexeme, [clause]);
    }
  }

  build(): ClauseTextIndex {
    const postings = new Map<string, Map<string, Int32Array>>();
    for (const [config, lists] of this.lists) {
      const packed = new Map<string, Int32Array>();
      for (const [lexeme, list] of lists) packed.set(lexeme, Int32Array.from(list));
      postings.set(config, packed);
    }
    const clausesOf = new Map([...this.clausesOf].map(([config, list]) => [config, Int32Array.from(list)]));
    const titlePostings = new Map([...this.titleLists].map(([lexeme, list]) => [lexeme, Int32Array.from(list)]));
    return new ClauseTextIndex(
      postings,
      clausesOf,
      Int32Array.from(this.agreementOfClause),
      this.agreementIds,
      titlePostings,
    );
  }
}

function intersection(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      out[n++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, n);
}

function union(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? (a[i] as number) : Number.POSITIVE_INFINITY;
    const y = j < b.length ? (b[j] as number) : Number.POSITIVE_INFINITY;
    if (x <= y) {
      out[n++] = x;
      i++;
      if (x === y) j++;
    } else {
      out[n++] = y;
      j++;
    }
  }
  return out.subarray(0, n);
}

function difference(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length);
  let j = 0;
  let n = 0;
  for (const x of a) {
    while (j < b.length && (b[j] as number) < x) j++;
    if (j >= b.length || b[j] !== x) out[n++] = x;
  }
  return out.subarray(0, n);
}
