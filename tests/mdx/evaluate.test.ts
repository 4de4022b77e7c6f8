/** Generated MDX pages compile at render time; a broken page names its file and line. */
import { describe, expect, it } from "vitest";
import { blankFrontmatter, mdxContent } from "../../src/mdx/evaluate.ts";
import { renderMdx } from "../../src/mdx/render.ts";
import { parseOk } from "../helpers.ts";
import { readFileSync } from "node:fs";

describe("MDX pages at render time", () => {
  it("blanks frontmatter line for line", () => {
    const src = '---\ntitle: "x"\nid: "y"\n---\n\n<Text text={"a"} line={1} />\n';
    const out = blankFrontmatter(src);
    expect(out.split("\n")).toHaveLength(src.split("\n").length);
    expect(out).not.toContain("title");
    expect(out.split("\n")[5]).toBe('<Text text={"a"} line={1} />');
  });

  it("compiles a generated page into a component", async () => {
    const model = parseOk(readFileSync(new URL("../fixtures/minimal.txt", import.meta.url)), "minimal.txt");
    const Content = await mdxContent(renderMdx(model), "minimal.mdx");
    expect(typeof Content).toBe("function");
  });

  it("reports a broken page as file:line:column", async () => {
    const broken = '---\ntitle: "x"\n---\n\n<Item text={"unclosed} />\n';
    await expect(mdxContent(broken, "content/circulars/broken.mdx")).rejects.toThrow(/^content\/circulars\/broken\.mdx:5:\d+: /);
  });
});
