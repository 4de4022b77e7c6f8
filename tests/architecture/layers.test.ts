/**
 * The layers (.dependency-cruiser.mjs) hold: dependency-cruiser finds no import that runs the
 * wrong way in src/ and scripts/, and it does find one planted in a copy of the layout.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { cruise, type IForbiddenRuleType } from "dependency-cruiser";
import { describe, expect, it } from "vitest";
import config, { LAYERS } from "../../.dependency-cruiser.mjs";

const ROOT = join(import.meta.dirname, "..", "..");

/** The project's rules applied to `paths` under `baseDir`, as "rule: from → to". */
async function violations(baseDir: string, paths: string[]) {
  const result = await cruise(paths, {
    ...config.options,
    baseDir,
    validate: true,
    ruleSet: { forbidden: config.forbidden as IForbiddenRuleType[] },
  });
  if (typeof result.output === "string") throw new Error(result.output);
  return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

/** Imports of .astro files (dependency-cruiser does not read them): each must point down or within its layer. */
function astroViolations(): string[] {
  const layerOf = (path: string) => LAYERS.findIndex((l) => l.folders.some((f) => path.startsWith(`${f}/`)));
  const out: string[] = [];
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".astro") ? [join(dir, e.name)] : [],
    );
  for (const file of walk(join(ROOT, "src"))) {
    const from = relative(ROOT, file);
    for (const m of readFileSync(file, "utf8").matchAll(/^\s*import\s[^"']*["'](\.[^"']+)["']/gm)) {
      const to = relative(ROOT, join(dirname(file), m[1]!));
      if (to.startsWith("tests/") || layerOf(to) > layerOf(from)) out.push(`${from} → ${to}`);
    }
  }
  return out;
}

describe("layers", () => {
  it("no import in src/ or scripts/ runs the wrong way", async () => {
    expect(await violations(ROOT, ["src", "scripts"])).toEqual([]);
    expect(astroViolations()).toEqual([]);
  }, 60_000);

  it("a planted wrong-way import is caught: compare taking a primitive from search, src importing tests", async () => {
    const dir = mkdtempSync(join(tmpdir(), "layers-"));
    const put = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    put("src/search/phrase.ts", "export const key = (s: string) => s;\n");
    put("src/compare/similarity.ts", 'import { key } from "../search/phrase.ts";\nexport const k = key;\n');
    put("src/text/chars.ts", 'import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n');
    put("src/model/circular.ts", 'import { h } from "../../tests/helpers.ts";\nexport const x = h;\n');
    put("tests/helpers.ts", "export const h = 1;\n");
    expect((await violations(dir, ["src"])).sort()).toEqual([
      "layer-src-compare: src/compare/similarity.ts → src/search/phrase.ts",
      "no-tests-in-src: src/model/circular.ts → tests/helpers.ts",
      "text-is-browser-safe: src/text/chars.ts → fs",
    ]);
  }, 60_000);

  it("the README's Layers section names the checker's layers, lowest first", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Layers"), readme.indexOf("\n## ", readme.indexOf("## Layers") + 1));
    // The order line: `text` → `model` → … with siblings joined by " · ".
    const line = /`text`[\s\S]*?`scripts`/.exec(section)?.[0] ?? "";
    const named = line.split("→").map((part) => [...part.matchAll(/`([\w-]+)`/g)].map((m) => m[1]));
    const expected = LAYERS.map((l) =>
      l.folders.filter((f) => !/^src\/(components|layouts|pages|styles)$/.test(f)).map((f) => f.replace(/^src\//, "")),
    );
    expect(named).toEqual(expected);
  });
});
