/** `npm run parse`: JSON on stdout for a circular, `file:line: message` and exit 1 for bad input. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Circular } from "../../src/model/circular.ts";
import { SOURCES } from "../helpers.ts";
import { runScript } from "./run.ts";

const dir = mkdtempSync(join(tmpdir(), "parse-cli-"));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe("parse CLI", () => {
  it("prints one JSON model for a seed, exit 0", () => {
    const r = runScript("parse.ts", [join(SOURCES, "002_9d71ccc09cfde2b8.txt")]);
    expect(r.status).toBe(0);
    const model = Circular.parse(JSON.parse(r.stdout));
    expect(model.docNumber).toBe("吉安委〔2019〕6号");
    expect(model.clauses).toHaveLength(31);
  });

  it.each([
    ["empty.txt", "", ":1: empty file"],
    ["blank.txt", "\n\u3000\n  \n", ":1: empty file"],
    ["image.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), ":1: binary file"],
    ["prose.txt", "\n\n" + "这是一段没有标题的文字，".repeat(20) + "。\n", ":3: no recognizable title"],
    ["chrome.txt", "首页 新闻中心 政务公开\n打印 关闭\n", ":1: no text left after removing portal chrome"],
  ])("rejects %s with file:line on stderr", (name, content, message) => {
    const p = file(name, content);
    const r = runScript("parse.ts", [p]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim()).toMatch(new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}${message}`));
  });

  it("says so for a missing file", () => {
    const r = runScript("parse.ts", [join(dir, "nope.txt")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("nope.txt:0: cannot read file");
  });
});
