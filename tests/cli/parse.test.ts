/** `npm run parse`: JSON on stdout for a circular, `file:line: message` and exit 1 for bad input. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Circular } from "../../src/model/circular.ts";
import { clausesOf } from "../../src/model/clauses.ts";
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
    expect(clausesOf(model)).toHaveLength(31);
  });

  it.each([
    ["empty.txt", "", ":1: empty file"],
    ["blank.txt", "\n\u3000\n  \n", ":1: empty file"],
    [
      "image.png",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      ":1: binary file",
    ],
    ["latin.txt", "\n\nThis text has no Chinese sentence in it at all.\n", ":3: no Chinese sentences"],
    ["chrome.txt", "首页 新闻中心 政务公开\n打印 关闭\n", ":1: no text left after removing portal chrome"],
  ])("rejects %s with file:line on stderr", (name, content, message) => {
    const p = file(name, content);
    const r = runScript("parse.ts", [p]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim()).toMatch(new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}${message}`));
  });

  it("accepts Chinese prose without a title line, titled （无标题） with a warning", () => {
    const r = runScript("parse.ts", [file("prose.txt", "\n\n" + "这是一段没有标题的文字，".repeat(20) + "。\n")]);
    expect(r.status).toBe(0);
    const model = Circular.parse(JSON.parse(r.stdout));
    expect(model.title).toBe("（无标题）");
    expect(model.warnings.map((w) => w.message)).toContain("未找到标题：正文中没有标题行，网站字段也未给出标题");
  });

  it("says so for a missing file", () => {
    const r = runScript("parse.ts", [join(dir, "nope.txt")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("nope.txt:0: cannot read file");
  });
});
