import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkArchitecture } from "./architecture.ts";

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  root = mkdtempSync(path.join(os.tmpdir(), "arch-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

const tables = "export interface ATables {\n  a_rows: ARowsTable;\n}\n";

describe("[ARCHITECTURE] module rules", () => {
  it("accepts imports through a module's index.ts and its own tables", () => {
    const dir = tree({
      "server/src/modules/a/a.tables.ts": tables,
      "server/src/modules/a/index.ts": 'export * from "./use-cases/x.ts";\n',
      "server/src/modules/a/use-cases/x.ts": 'import { y } from "../a.tables.ts";\ndb.selectFrom("a_rows");\n',
      "server/src/modules/b/index.ts": 'import { x } from "../a/index.ts";\n',
      "server/src/app.ts": 'import { x } from "./modules/a/index.ts";\n',
    });
    expect(checkArchitecture(dir)).toEqual([]);
  });

  it("flags a deep import into another module, another module's table, and common importing server", () => {
    const dir = tree({
      "server/src/modules/a/a.tables.ts": tables,
      "server/src/modules/a/index.ts": "",
      "server/src/modules/a/use-cases/x.ts": "",
      "server/src/modules/b/index.ts":
        'import { x } from "../a/use-cases/x.ts";\nawait db.selectFrom("a_rows").execute();\n',
      "common/thing.ts": 'import { y } from "../server/src/app.ts";\n',
    });
    const messages = checkArchitecture(dir).map((v) => `${path.relative(dir, v.file)}:${v.line} ${v.message}`);
    expect(messages).toEqual([
      'server/src/modules/b/index.ts:1 imports module "a" past its index.ts (../a/use-cases/x.ts)',
      'server/src/modules/b/index.ts:2 reads table "a_rows" owned by module "a"',
      "common/thing.ts:1 common/ may not import from server/ (../server/src/app.ts)",
    ]);
  });
});
