import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The module rules of docs/ARCHITECTURE.md, checked over the source tree:
 * 1. code outside `server/src/modules/<name>/` imports that module only through its `index.ts`;
 * 2. a module's code names no table owned by another module (tables are the keys of each
 *    module's `<name>.tables.ts` interfaces);
 * 3. `common/` imports nothing from `server/` or `web/`, and `web/` nothing from `server/`.
 */
export interface Violation {
  file: string;
  line: number;
  message: string;
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const TABLE_NAME = /^\s+([a-z_]+):\s+[A-Z]\w*Table;/gm;
const QUOTED_TABLE =
  /\b(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*["']([a-z_]+)/g;

export function checkArchitecture(root: string): Violation[] {
  const files = listSourceFiles(root, ["server", "common", "web/src"]);
  const modulesDir = path.join(root, "server/src/modules");
  const tableOwners = collectTableOwners(files, modulesDir);
  const violations: Violation[] = [];
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    const ownModule = moduleOf(file, modulesDir);
    for (const match of source.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? "";
      if (!specifier.startsWith(".")) continue;
      const target = path.resolve(path.dirname(file), specifier);
      const line = lineOf(source, match.index ?? 0);
      const targetModule = moduleOf(target, modulesDir);
      if (targetModule && targetModule !== ownModule && target !== path.join(modulesDir, targetModule, "index.ts")) {
        violations.push({ file, line, message: `imports module "${targetModule}" past its index.ts (${specifier})` });
      }
      const layer = layerOf(file, root);
      const targetLayer = layerOf(target, root);
      if ((layer === "common" && targetLayer !== "common") || (layer === "web" && targetLayer === "server")) {
        violations.push({ file, line, message: `${layer}/ may not import from ${targetLayer}/ (${specifier})` });
      }
    }
    if (!ownModule) continue;
    for (const match of source.matchAll(QUOTED_TABLE)) {
      const owner = tableOwners.get(match[1] ?? "");
      if (owner && owner !== ownModule) {
        violations.push({
          file,
          line: lineOf(source, match.index ?? 0),
          message: `reads table "${match[1]}" owned by module "${owner}"`,
        });
      }
    }
  }
  return violations;
}

function collectTableOwners(files: string[], modulesDir: string): Map<string, string> {
  const owners = new Map<string, string>();
  for (const file of files.filter((f) => f.endsWith(".tables.ts"))) {
    const owner = moduleOf(file, modulesDir);
    if (!owner) continue;
    for (const match of readFileSync(file, "utf8").matchAll(TABLE_NAME)) owners.set(match[1] ?? "", owner);
  }
  return owners;
}

function moduleOf(file: string, modulesDir: string): string | undefined {
  const relative = path.relative(modulesDir, file);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep)[0];
}

function layerOf(file: string, root: string): string {
  return path.relative(root, file).split(path.sep)[0] ?? "";
}

function lineOf(source: string, index: number): number {
  return source.slice(0, index).split("\n").length;
}

function listSourceFiles(root: string, folders: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "node_modules" && entry.name !== "dist") walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name)) found.push(full);
    }
  };
  for (const folder of folders) walk(path.join(root, folder));
  return found;
}
