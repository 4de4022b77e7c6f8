/**
 * The code is formatted (Prettier, width 120, with its Astro plugin: .prettierrc.json), and
 * no line is longer than 120 characters, strings and comments included (Prettier leaves
 * those as written), so lines can be read and compared, and long one-liners do not hide
 * repeated code from duplicate finders.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

function files(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
      const path = `${dir}/${e.name}`;
      return e.isDirectory() ? walk(path) : /\.(ts|mjs|astro)$/.test(e.name) ? [path] : [];
    });
  return [
    ...walk("src"),
    ...walk("scripts"),
    ...walk("tests").filter((f) => !f.startsWith("tests/golden/") && !f.startsWith("tests/fixtures/")),
  ];
}

describe("formatting", () => {
  it("every source file is as Prettier writes it", async () => {
    const options = await prettier.resolveConfig(join(ROOT, "src", "x.ts"));
    expect(options?.printWidth).toBe(120);
    const unformatted: string[] = [];
    for (const file of files()) {
      const text = readFileSync(join(ROOT, file), "utf8");
      if (!(await prettier.check(text, { ...options, filepath: join(ROOT, file) }))) unformatted.push(file);
    }
    expect(unformatted, "run: npm run format").toEqual([]);
  }, 60_000);

  it("no line is longer than 120 characters", () => {
    const long = files().flatMap((file) =>
      readFileSync(join(ROOT, file), "utf8")
        .split("\n")
        .flatMap((line, i) => ([...line].length > 120 ? [`${file}:${i + 1} (${[...line].length})`] : [])),
    );
    expect(long).toEqual([]);
  });
});
