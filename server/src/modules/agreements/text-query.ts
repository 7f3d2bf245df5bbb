/**
 * PostgreSQL's printed `tsquery` (what `websearch_to_tsquery(...)::text` returns), parsed into a
 * tree the in-memory clause index can evaluate: `'digit' & 'replica'`, `'arbitr' | 'arbitrag'`,
 * `'replica' & !'voic'`. Phrases (`<->`, `<N>`), prefixes (`:*`) and weights (`:A`) need word
 * positions the index does not keep; they parse to `undefined`, and the search asks SQL instead.
 */
export type TextQuery =
  | { kind: "word"; lexeme: string }
  | { kind: "not"; operand: TextQuery }
  | { kind: "and" | "or"; left: TextQuery; right: TextQuery };

/** The parsed query; `null` for an empty query (only stop words: matches nothing); `undefined` when unsupported. */
export function parseTextQuery(printed: string): TextQuery | null | undefined {
  const tokens = tokenize(printed);
  if (tokens === undefined) return undefined;
  if (tokens.length === 0) return null;
  const parser = new Parser(tokens);
  const query = parser.parseOr();
  return parser.done() ? query : undefined;
}

type Token = { kind: "word"; lexeme: string } | { kind: "&" | "|" | "!" | "(" | ")" };

function tokenize(printed: string): Token[] | undefined {
  const tokens: Token[] = [];
  let at = 0;
  while (at < printed.length) {
    const char = printed[at] as string;
    if (char === " ") {
      at++;
    } else if (char === "&" || char === "|" || char === "!" || char === "(" || char === ")") {
      tokens.push({ kind: char });
      at++;
    } else if (char === "'") {
      let lexeme = "";
      at++;
      for (;;) {
        if (at >= printed.length) return undefined;
        const next = printed[at] as string;
        if (next === "\\" && at + 1 < printed.length) {
          lexeme += printed[at + 1];
          at += 2;
        } else if (next === "'" && printed[at + 1] === "'") {
          lexeme += "'";
          at += 2;
        } else if (next === "'") {
          at++;
          break;
        } else {
          lexeme += next;
          at++;
        }
      }
      // `:*` (prefix) or `:AB` (weights) after the lexeme.
      if (printed[at] === ":") return undefined;
      tokens.push({ kind: "word", lexeme });
    } else {
      // `<->` or `<N>` (phrase), or anything this parser does not know.
      return undefined;
    }
  }
  return tokens;
}

/** Precedence as PostgreSQL prints it: `!` binds tightest, then `&`, then `|`. */
class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  done(): boolean {
    return this.at === this.tokens.length;
  }

  parseOr(): TextQuery | undefined {
    let left = this.parseAnd();
    while (left && this.peek("|")) {
      this.at++;
      const right = this.parseAnd();
      left = right && { kind: "or", left, right };
    }
    return left;
  }

  private parseAnd(): TextQuery | undefined {
    let left = this.parseNot();
    while (left && this.peek("&")) {
      this.at++;
      const right = this.parseNot();
      left = right && { kind: "and", left, right };
    }
    return left;
  }

  private parseNot(): TextQuery | undefined {
    const token = this.tokens[this.at];
    if (!token) return undefined;
    this.at++;
    if (token.kind === "!") {
      const operand = this.parseNot();
      return operand && { kind: "not", operand };
    }
    if (token.kind === "(") {
      const inner = this.parseOr();
      if (!inner || !this.peek(")")) return undefined;
      this.at++;
      return inner;
    }
    return token.kind === "word" ? { kind: "word", lexeme: token.lexeme } : undefined;
  }

  private peek(kind: Token["kind"]): boolean {
    return this.tokens[this.at]?.kind === kind;
  }
}
