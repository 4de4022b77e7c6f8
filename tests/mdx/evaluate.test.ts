/**
 * The exported MDX page is a contract: it compiles, and it names exactly the components and
 * props the site renders the body with (bodyElements), so page and MDX cannot drift apart.
 */
import { readFileSync, readdirSync } from "node:fs";
import { evaluate } from "@mdx-js/mdx";
import remarkGfm from "remark-gfm";
import { describe, expect, it } from "vitest";
import { bodyElements, renderMdx, type BodyElement } from "../../src/mdx/render.ts";
import { DEFAULT_CORPUS } from "../../src/config/paths.ts";
import { parseOk } from "../helpers.ts";

interface Recorded {
  type: string;
  props: Record<string, unknown>;
  children: Recorded[];
}

const Fragment = Symbol("Fragment");
/** A JSX runtime that records the element tree instead of rendering it. */
function jsx(type: symbol | ((props: unknown) => unknown), props: Record<string, unknown>): Recorded | Recorded[] {
  const { children, ...rest } = props;
  const kids = [children ?? []].flat(2).filter((c) => !(typeof c === "string" && c.trim() === "")) as Recorded[];
  if (type === Fragment) return kids;
  return { type: (type as { name: string }).name, props: rest, children: kids };
}
const runtime = { Fragment, jsx, jsxs: jsx };
const components = { Item: function Item() {}, Text: function Text() {} };

/** Compiles an MDX page (frontmatter blanked) and returns the elements it renders. */
async function compiledElements(mdx: string): Promise<Recorded[]> {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, "");
  const { default: Content } = await evaluate(body, { ...runtime, remarkPlugins: [remarkGfm] } as never);
  return [(Content as (p: unknown) => Recorded[])({ components })].flat();
}

const withChildren = (el: BodyElement): Recorded => ({
  type: el.type,
  props: JSON.parse(JSON.stringify(el.props)),
  children: el.type === "Item" ? el.children.map(withChildren) : [],
});

const inputs: Array<[string, Uint8Array]> = [
  ["minimal.txt", readFileSync(new URL("../fixtures/minimal.txt", import.meta.url))],
  ...readdirSync(new URL("../fixtures/hostile/", import.meta.url))
    .filter((f) => f.endsWith(".txt"))
    .map(
      (f) =>
        [`hostile/${f}`, readFileSync(new URL(`../fixtures/hostile/${f}`, import.meta.url))] as [string, Uint8Array],
    ),
  ...readdirSync(DEFAULT_CORPUS)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => [f, readFileSync(`${DEFAULT_CORPUS}/${f}`)] as [string, Uint8Array]),
];

describe("the exported MDX page", () => {
  it.each(inputs)("%s: compiles to exactly the elements the site renders", async (name, bytes) => {
    const model = parseOk(bytes, name);
    const elements = bodyElements(model);
    expect(elements.length).toBeGreaterThan(0);
    expect(await compiledElements(renderMdx(model))).toEqual(elements.map(withChildren));
  });

  it("the comparison sees a difference: a page missing one clause does not match", async () => {
    const model = parseOk(
      readFileSync(`${DEFAULT_CORPUS}/${readdirSync(DEFAULT_CORPUS).find((f) => f.endsWith(".txt"))}`),
      "seed.txt",
    );
    const mdx = renderMdx(model).replace(/\n<Item [^\n]*isClause=\{true\}[^\n]*\/>\n/, "\n");
    expect(await compiledElements(mdx)).not.toEqual(bodyElements(model).map(withChildren));
  });
});
