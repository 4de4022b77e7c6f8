/**
 * A generated MDX page → a component Astro renders. Pages compile their MDX when they
 * render, with the MDX compiler and remark-gfm, rather than importing 4,000 MDX modules
 * through the bundler: bundling them held 3.1 GB of native memory for the whole build at
 * 4,000 circulars (README "Benchmark"), compiling one at a time holds one page.
 */
import { evaluate } from "@mdx-js/mdx";
import * as runtime from "astro/jsx-runtime";
import { Renderer } from "astro/runtime/server/index.js";
import remarkGfm from "remark-gfm";

type MdxComponent = (props: { components?: Record<string, unknown> }) => unknown;

/** Frontmatter blanked line for line, so compiler errors name the MDX file's own lines. */
export function blankFrontmatter(source: string): string {
  const m = /^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/.exec(source);
  return m ? m[0].replace(/[^\n]/g, "") + source.slice(m[0].length) : source;
}

/** Compiles one MDX page; `file` names it in errors (`file:line:column: reason`). */
export async function mdxContent(source: string, file: string): Promise<MdxComponent> {
  let compiled: { default: MdxComponent };
  try {
    compiled = (await evaluate({ value: blankFrontmatter(source), path: file }, { ...runtime, remarkPlugins: [remarkGfm] } as never)) as never;
  } catch (e) {
    const err = e as { line?: number; column?: number; reason?: string; message: string };
    throw new Error(`${file}:${err.line ?? "?"}:${err.column ?? "?"}: ${err.reason ?? err.message}`, { cause: e });
  }
  const MDXContent = compiled.default;
  const Content: MdxComponent = (props) => MDXContent({ ...props, components: { Fragment: runtime.Fragment, ...props.components } });
  // Tells Astro which renderer draws it (the JSX renderer @astrojs/mdx registers), as
  // @astrojs/mdx tags the modules it compiles.
  Object.defineProperty(Content, Renderer, { value: "astro:jsx" });
  return Content;
}
