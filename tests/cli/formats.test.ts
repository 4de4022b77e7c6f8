/**
 * `npm run ingest` and `npm run parse` on files as staff have them: every format is read, each
 * bad file gets one clear line naming it, and the good files still build.
 */
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { badFiles, ofdFile, portalPage, wordFile } from "../formats/make.ts";
import { runScript } from "./run.ts";

describe("files in other formats", () => {
  it("each bad file gets its one line, and ingest goes on with the good ones", async () => {
    const src = mkdtempSync(join(tmpdir(), "formats-"));
    const out = mkdtempSync(join(tmpdir(), "formats-out-"));
    const bad = await badFiles();
    for (const f of bad) writeFileSync(join(src, f.name), f.bytes);
    writeFileSync(join(src, "page.html"), portalPage("002_", [["发文字号", "吉安委〔2019〕6号"]]));
    writeFileSync(join(src, "兴化.docx"), await wordFile("001_"));
    writeFileSync(join(src, "粮食.ofd"), ofdFile("000_"));
    const r = runScript("ingest.ts", [], { CORPUS: src, INGEST_OUT: out });
    expect(r.status).toBe(0);
    // Besides the bad files' lines, stderr holds notices and the progress summary (src/bench/progress.ts).
    const lines = r.stderr
      .trim()
      .split("\n")
      .filter((l) => !l.startsWith("notice") && !/^ingest: \d+\/\d+ files in /.test(l));
    expect(lines).toHaveLength(bad.length);
    for (const f of bad) {
      const line = lines.find(
        (l) => l.startsWith(join(src, f.name).replace(process.cwd() + "/", "")) || l.includes(`/${f.name}:`),
      )!;
      expect(line, f.name).toMatch(
        new RegExp(`${f.name.replace(".", "\\.")}:1: ${f.message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
      );
    }
    expect(r.stdout).toContain("3 circulars");
    expect(readdirSync(join(out, "models")).filter((f) => f.endsWith(".json") && !f.startsWith("."))).toHaveLength(3);
  }, 120_000);

  it("parse reads a Word file to its model", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parse-docx-"));
    writeFileSync(join(dir, "x.docx"), await wordFile("001_"));
    const r = runScript("parse.ts", [join(dir, "x.docx")]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ docNumber: "兴安办〔2020〕20号", source: { format: "docx" } });
  });
});

describe("npm run add", () => {
  it("reads each file, copies the good ones into the library, prints what it read, fails for a bad one", async () => {
    const incoming = mkdtempSync(join(tmpdir(), "incoming-"));
    const library = mkdtempSync(join(tmpdir(), "library-"));
    writeFileSync(join(incoming, "兴化.docx"), await wordFile("001_"));
    writeFileSync(join(incoming, "old.doc"), (await badFiles())[0]!.bytes);
    const dry = runScript("add.ts", [join(incoming, "兴化.docx"), "--dry-run"], { CORPUS: library });
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain("兴安办〔2020〕20号");
    expect(readdirSync(library)).toEqual([]);
    const r = runScript("add.ts", [join(incoming, "兴化.docx"), join(incoming, "old.doc")], { CORPUS: library });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/old\.doc:1: cannot read a Word 97-2003/);
    for (const s of ["兴化.docx", "市安委办关于印发", "兴安办〔2020〕20号", "2020年2月24日", "泰州市兴化市", "23"])
      expect(r.stdout).toContain(s);
    expect(readdirSync(library)).toEqual(["兴化.docx"]);
  }, 60_000);
});
