/** Editors' corrections: fields set with their source, clauses merged and split, bad files named by line. */
import { describe, expect, it } from "vitest";
import { applyOverride, readOverride } from "../../src/library/overrides.ts";
import { readFileSync } from "node:fs";
import { parseOk, parseSeed } from "../helpers.ts";
import { walkSections } from "../../src/model/circular.ts";
import { clausesOf } from "../../src/model/clauses.ts";
import { searchEntries } from "../../src/search/entries.ts";

const FILE = "content/overrides/x.yaml";
const read = (text: string) => {
  const r = readOverride(text, FILE);
  if (!r.ok) throw new Error(`${r.error.line}: ${r.error.message}`);
  return r.value;
};

describe("an override file", () => {
  it("sets header fields; the value it replaces stays a candidate, and the page can say what was corrected", () => {
    const m = parseSeed("004_");
    const o = read(
      "note: 原文无成文日期，据发文机关网站补正\ndate: 2012-03-05\njurisdiction:" +
        ' "220200"\ntitle: 吉林市人民政府关于坚持科学发展安全发展促进安全生产形势持续稳定好转的实施意见\n',
    );
    const r = applyOverride(m, o);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.date).toBe("2012-03-05");
    expect(r.value.provenance.date).toEqual({
      from: "editor",
      line: 2,
      confidence: "high",
      rule: `编辑更正（${FILE}）`,
      inferred: false,
    });
    expect(r.value.candidates).toContainEqual(
      expect.objectContaining({ field: "date", value: "2012", from: "docNumber", inferred: true }),
    );
    expect(r.value.corrections).toEqual({
      file: FILE,
      changes: ["title", "date", "jurisdiction"],
      note: "原文无成文日期，据发文机关网站补正",
    });
    // The source is not touched.
    expect(r.value.body).toBe(m.body);
  });

  it("merges two clauses and splits one, in the clause list and the heading tree", () => {
    const m = parseSeed("000_");
    const [a, b, c] = clausesOf(m);
    const at = c!.text.slice(20, 30);
    const r = applyOverride(
      m,
      read(`clauses:\n  merge: [[${a!.id}, ${b!.id}]]\n  split:\n    - { clause: ${c!.id}, at: "${at}" }\n`),
    );
    if (!r.ok) throw new Error(r.error.message);
    const ids = clausesOf(r.value).map((x) => x.id);
    expect(ids.slice(0, 3)).toEqual([a!.id, c!.id, `${c!.id}-s1`]);
    expect(clausesOf(r.value)).toHaveLength(clausesOf(m).length);
    expect(clausesOf(r.value)[0]!.text).toContain(b!.text);
    expect(clausesOf(r.value)[2]!.text.startsWith(at)).toBe(true);
    expect(clausesOf(r.value)[1]!.text + clausesOf(r.value)[2]!.text).toBe(
      c!.text.slice(0, 20).replace(/\s+$/, "") + c!.text.slice(20),
    );
    // The merged clause's node is gone from the tree; search lands on each clause once, split or merged.
    const nodes: string[] = [];
    walkSections(r.value.sections, (n) => nodes.push(n.id));
    expect(nodes).not.toContain(b!.id);
    expect(nodes).toContain(`${c!.id}-s1`);
    const anchors = searchEntries(r.value).map((e) => e.anchor);
    expect(anchors.filter((x) => ids.includes(x))).toEqual(ids);
  });

  it("splits an article at one of its items: the items after the cut go with the new clause, in the tree too", () => {
    const m = parseOk(readFileSync(new URL("../fixtures/regulation.txt", import.meta.url)));
    const art4 = m.sections.flatMap((s) => s.children).find((n) => n.id === "art4")!;
    expect(art4.children.map((c) => c.label)).toEqual(["（一）", "（二）", "（三）"]);
    const r = applyOverride(m, read(`clauses:\n  split:\n    - { clause: art4, at: "（二）组织制定并实施" }\n`));
    if (!r.ok) throw new Error(r.error.message);
    const [first, second] = r.value.sections.flatMap((s) => s.children).filter((n) => n.id.startsWith("art4"));
    expect(first!.children.map((c) => c.label)).toEqual(["（一）"]);
    expect(second!.children.map((c) => c.label)).toEqual(["（二）", "（三）"]);
    expect(second!.label).toBe("（续）");
    expect(first!.lines[1]).toBeLessThan(second!.lines[0] + 1);
    const [a, b] = clausesOf(r.value).filter((c) => c.id.startsWith("art4"));
    expect(a!.text).toMatch(/安全生产标准化建设；$/);
    expect(b!.text.startsWith("（二）组织制定并实施本单位安全生产规章制度和操作规程；")).toBe(true);
    expect(b!.text).toContain("（三）组织制定并实施本单位安全生产教育和培训计划。");
  });

  it.each([
    ["title: [\n", 2, /./],
    ["note: 更正\ndate: 2012-13-01\n", 2, /^date: /],
    ["note: 更正\n\ntitel: 关于…的通知\n", 3, /^titel: Unrecognized key/i],
    ['jurisdiction: "229999"\n', 1, /not a GB\/T 2260 code/],
    ["clauses:\n  merge: [[p1]]\n", 2, /^clauses\.merge\.0/],
  ])("a bad file fails with its line: %j", (text, line, message) => {
    const r = readOverride(text, FILE);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.line).toBe(line);
      expect(r.error.message).toMatch(message);
    }
  });

  it("a clause that does not exist is an error at the line of clauses", () => {
    const r = applyOverride(parseSeed("000_"), read("note: x\nclauses:\n  split: [{ clause: nope, at: 加强 }]\n"));
    expect(r).toMatchObject({
      ok: false,
      error: { file: FILE, line: 2, message: expect.stringContaining("no clause nope") },
    });
  });
});
