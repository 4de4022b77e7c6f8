/**
 * Text from circulars is data: whatever it contains compiles through the real MDX
 * compiler and renders literally, never as code or markup.
 */
import { evaluate } from "@mdx-js/mdx";
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { renderMdx } from "../../src/mdx/render.ts";
import { parseOk } from "../helpers.ts";
import { clausesOf } from "../../src/model/clauses.ts";

const HOSTILE = readFileSync(new URL("../fixtures/hostile/hostile.txt", import.meta.url));

/** A JSX runtime that renders to plain text, with the site's MDX components as text emitters. */
type Node = string | number | null | undefined | boolean | Node[] | { text: string };
const flat = (n: Node): string =>
  Array.isArray(n)
    ? n.map(flat).join("")
    : n && typeof n === "object"
      ? n.text
      : typeof n === "string" || typeof n === "number"
        ? String(n)
        : "";
const runtime = {
  Fragment: (p: { children?: Node }) => ({ text: flat(p.children) }),
  jsx: (type: unknown, props: Record<string, unknown>) =>
    typeof type === "function"
      ? type(props)
      : { text: `<${String(type)}>${flat(props.children as Node)}</${String(type)}>` },
  jsxs: (type: unknown, props: Record<string, unknown>) => runtime.jsx(type, props),
};
const components = {
  Item: (p: { label: string; text?: string; responsible?: string[]; children?: Node }) => ({
    text: `[${p.label}${p.text ?? ""}|${(p.responsible ?? []).join("、")}]${flat(p.children)}`,
  }),
  Text: (p: { text: string }) => ({ text: `[${p.text}]` }),
};

describe("hostile text in MDX", () => {
  const model = parseOk(HOSTILE, "hostile.txt");
  const mdx = renderMdx(model);
  const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(mdx)!;

  it("parses into a model like any circular", () => {
    expect(model.title).toBe('关于{alert(1)}<script>alert("x")</script>加强安全生产的通知');
    expect(clausesOf(model).map((c) => c.label)).toEqual(["一、", "二、", "三、", "四、"]);
    expect(clausesOf(model)[2]!.responsible).toEqual(["{省应急管理厅}", "<b>市局</b>"]);
  });

  it("keeps frontmatter values exact", () => {
    const fm = parseYaml(yaml!);
    expect(fm.title).toBe(model.title);
    expect(fm.date).toBe("2019-01-01");
  });

  it("compiles with no code of the circular's own and renders every character literally", async () => {
    const mod = await evaluate(body!, { ...runtime, baseUrl: import.meta.url } as never);
    expect(Object.keys(mod).sort()).toEqual(["default"]);
    const out = flat((mod.default as (p: unknown) => Node)({ components }));
    for (const s of [
      'export const leak = 2\nimport evil from "evil"',
      'import x from "y" 要加强领导。',
      '<!-- 注释 --> `反引号` $美元 ${process.exit(1)} {{双括号}} </Item> <Text text="x" /> &amp; &#x65;xport 照常。',
      "正常条款{constructor}。",
      "export default function X() { return 1 }",
      "{省应急管理厅}、<b>市局</b>",
    ]) {
      expect(out).toContain(s);
    }
  });

  it("puts no circular text into MDX source outside string literals", () => {
    for (const line of body!.split("\n").filter(Boolean)) {
      expect(line).toMatch(/^(<(Item|Text) [^\n]*|<\/Item>)$/);
    }
  });
});
