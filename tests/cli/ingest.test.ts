/** `npm run ingest`: good files build, bad ones are reported and skipped; --strict fails; re-runs are incremental. */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SOURCES, seedFiles } from "../helpers.ts";
import { runScript } from "./run.ts";
import { circularId } from "../../src/ingest/parse.ts";
import { SCHEMA_VERSION } from "../../src/model/circular.ts";

function corpus() {
  const src = mkdtempSync(join(tmpdir(), "corpus-"));
  const out = mkdtempSync(join(tmpdir(), "out-"));
  for (const f of seedFiles().slice(0, 2)) copyFileSync(join(SOURCES, f), join(src, f));
  writeFileSync(join(src, "zz-empty.txt"), "");
  return { src, out, env: { CORPUS: src, INGEST_OUT: out } };
}

describe("ingest CLI", () => {
  it("builds the good files and names the bad one", () => {
    const c = corpus();
    const r = runScript("ingest.ts", [], c.env);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/zz-empty\.txt:1: empty file/);
    expect(r.stdout).toContain("2 circulars");
    expect(r.stdout).toContain("1 bad files skipped");
    expect(readdirSync(join(c.out, "circulars"))).toHaveLength(2);
    expect(readdirSync(join(c.out, "models")).filter((f) => !f.startsWith("."))).toHaveLength(2);
  });

  it("--strict makes a bad file fatal", () => {
    const c = corpus();
    const r = runScript("ingest.ts", ["--strict"], c.env);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/zz-empty\.txt:1: empty file/);
  });

  it("re-ingests only what changed", () => {
    const c = corpus();
    runScript("ingest.ts", [], c.env);
    const again = runScript("ingest.ts", [], c.env);
    expect(again.stdout).toContain("0 written, 2 unchanged, 2 not re-parsed");
    const first = join(c.src, seedFiles()[0]!);
    writeFileSync(first, readFileSync(first, "utf8") + "\n（此件公开发布）\n");
    const third = runScript("ingest.ts", [], c.env);
    expect(third.stdout).toMatch(/1 written \([0-9a-z-]+\), 1 unchanged, 1 not re-parsed/);
    // An unchanged circular's page, deleted, is written again from its stored model.
    const [mdx] = readdirSync(join(c.out, "circulars"));
    const page = readFileSync(join(c.out, "circulars", mdx!), "utf8");
    rmSync(join(c.out, "circulars", mdx!));
    const fourth = runScript("ingest.ts", [], c.env);
    expect(fourth.stdout).toMatch(/1 written \([0-9a-z-]+\), 1 unchanged, 2 not re-parsed/);
    expect(readFileSync(join(c.out, "circulars", mdx!), "utf8")).toBe(page);
  });
});

describe("ingest passing over unchanged models", () => {
  it("reads a model file again when it is not as ingest left it, and parses its source again if it is bad", () => {
    const c = corpus();
    runScript("ingest.ts", [], c.env);
    const [model] = readdirSync(join(c.out, "models")).filter((f) => !f.startsWith("."));
    const whole = readFileSync(join(c.out, "models", model!), "utf8");
    writeFileSync(join(c.out, "models", model!), "{");
    const again = runScript("ingest.ts", [], c.env);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/1 written \([0-9a-z-]+\), 1 unchanged, 1 not re-parsed/);
    expect(readFileSync(join(c.out, "models", model!), "utf8")).toBe(whole);
  });

  it("leaves a model file changed since to be checked by the stages that read it", () => {
    const c = corpus();
    runScript("ingest.ts", [], c.env);
    expect(runScript("facts.ts", [], c.env).status).toBe(0);
    const [model] = readdirSync(join(c.out, "models")).filter((f) => !f.startsWith("."));
    const path = join(c.out, "models", model!);
    writeFileSync(path, readFileSync(path, "utf8").replace(/"schemaVersion": \d+/, '"schemaVersion": 0'));
    const r = runScript("facts.ts", [], c.env);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(
      `${path}:1: not a valid document model (schemaVersion 0, expected ${SCHEMA_VERSION}: ingest again)`,
    );
  });

  it("writes an unchanged model whole when a new file takes its id", () => {
    // a\\b.txt and a/b.txt have one id (a key's backslashes are read as slashes): the one first
    // in file order keeps it.
    const src = mkdtempSync(join(tmpdir(), "corpus-"));
    const out = mkdtempSync(join(tmpdir(), "out-"));
    const env = { CORPUS: src, INGEST_OUT: out };
    mkdirSync(join(src, "a"));
    const [first, second] = ["a\\b.txt", "a/b.txt"].sort((x, y) => x.localeCompare(y));
    const [a, b] = seedFiles();
    copyFileSync(join(SOURCES, b!), join(src, second!));
    runScript("ingest.ts", [], env);
    const id = circularId(second!);
    const before = JSON.parse(readFileSync(join(out, "models", `${id}.json`), "utf8"));
    copyFileSync(join(SOURCES, a!), join(src, first!));
    const r = runScript("ingest.ts", [], env);
    expect(r.status).toBe(0);
    const renamed = JSON.parse(readFileSync(join(out, "models", `${id}-2.json`), "utf8"));
    expect({ ...renamed, id: before.id, warnings: before.warnings }).toEqual(before);
    expect(renamed.warnings.at(-1).message).toContain(`${id}-2`);
    const taken = JSON.parse(readFileSync(join(out, "models", `${id}.json`), "utf8"));
    expect(taken.source.file).not.toBe(before.source.file);
  });
});

describe("editors' corrections", () => {
  it("are applied at ingest, and a bad one fails the run with file:line", () => {
    const c = corpus();
    const overrides = mkdtempSync(join(tmpdir(), "overrides-"));
    const first = readdirSync(c.src).find((f) => f.startsWith("000_"))!;
    const id = circularId(first);
    writeFileSync(
      join(overrides, `${id}.yaml`),
      "note: 据原件补正\ntitle: 吉林省粮食和物资储备局关于推进城市安全发展有关工作的通知\n",
    );
    const ok = runScript("ingest.ts", [], { ...c.env, OVERRIDES: overrides });
    expect(ok.status).toBe(0);
    const model = JSON.parse(readFileSync(join(c.out, "models", `${id}.json`), "utf8"));
    expect(model.title).toBe("吉林省粮食和物资储备局关于推进城市安全发展有关工作的通知");
    expect(model.corrections.changes).toEqual(["title"]);
    writeFileSync(join(overrides, `${id}.yaml`), "note: 据原件补正\ndate: 2020-02-30\n");
    const bad = runScript("ingest.ts", [], { ...c.env, OVERRIDES: overrides });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(new RegExp(`${id}\\.yaml:2: date: not a real date`));
    writeFileSync(join(overrides, "c-0000000000.yaml"), "note: x\n");
    expect(runScript("ingest.ts", [], { ...c.env, OVERRIDES: overrides }).stderr).toMatch(
      /c-0000000000\.yaml:1: no document with id c-0000000000/,
    );
  });
});
