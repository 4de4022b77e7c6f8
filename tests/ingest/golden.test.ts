/**
 * Golden models: every seed, every fixture file (text and Markdown) and a seed in each
 * other format the library reads (a saved page, Word, OFD: made by tests/formats/make.ts)
 * parse, through the entry the CLI uses (parseSource), to the model stored beside the
 * tests (tests/golden/<name>.json), compared field by field so a failure names the field
 * and a reviewer reads a change of the parser as a diff of the models.
 * `UPDATE_GOLDEN=1 npm run test:unit` rewrites them from the current parser.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/ingest/parse.ts";
import { SOURCES } from "../helpers.ts";
import { ofdFile, portalPage, wordFile } from "../formats/make.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const GOLDEN = join(ROOT, "tests", "golden");
const FIXTURES = join(ROOT, "tests", "fixtures");

interface Input {
  name: string;
  bytes: () => Promise<Uint8Array>;
  /** A file made at test time carries its making time: its hash is not compared. */
  made?: boolean;
}

function files(): Input[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : /\.(txt|md)$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  // The seeds (the bundled folder's top level) and the fixtures; the labelled sets below it
  // are measured by `npm run accuracy`.
  const seeds = readdirSync(SOURCES)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => join(SOURCES, f));
  return [...seeds, ...walk(FIXTURES)]
    .sort()
    .map((f) => ({ name: relative(ROOT, f), bytes: async () => readFileSync(f) }));
}

const portalFields: Array<[string, string]> = [
  ["索引号", "11220000/2019-00006"],
  ["发文机关", "吉林省安全生产委员会"],
  ["发文字号", "吉安委〔2019〕6号"],
  ["成文日期", "2019-03-22"],
];
const made: Input[] = [
  { name: "formats/002-page.html", bytes: async () => portalPage("002_", portalFields) },
  { name: "formats/001-word.docx", bytes: () => wordFile("001_"), made: true },
  { name: "formats/000-ofd.ofd", bytes: async () => ofdFile("000_"), made: true },
];

const goldenFile = (name: string) =>
  join(
    GOLDEN,
    `${name
      .replace(/^(content\/sources|tests\/fixtures)\//, "")
      .replace(/\.(txt|md)$/, (_, ext: string) => (ext === "md" ? ".md" : ""))
      .replace(/\//g, "--")}.json`,
  );

describe.each([...files(), ...made].map((f) => [f.name, f] as const))("%s", (name, input) => {
  const file = goldenFile(name);
  const load = async () => {
    const parsed = await parseSource(await input.bytes(), name);
    const actual = JSON.parse(JSON.stringify(parsed.ok ? parsed.value : { error: parsed.error })) as Record<
      string,
      unknown
    >;
    if (input.made && actual.source) (actual.source as { sha256: string }).sha256 = "(made at test time)";
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, JSON.stringify(actual, null, 1) + "\n");
    return actual;
  };
  const golden = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>) : null;
  let actual: Record<string, unknown>;
  it("has a golden model with the same fields", async () => {
    actual = await load();
    expect(golden, `${file} (run with UPDATE_GOLDEN=1)`).not.toBeNull();
    expect(Object.keys(actual).sort()).toEqual(Object.keys(golden!).sort());
  });
  it.each(Object.keys(golden ?? {}))("%s as in the golden model", (field) =>
    expect(actual[field]).toEqual(golden![field]),
  );
});
