/** A list page's members (corpus/index.ts docsIn): the library's documents named, in its order, each once. */
import { describe, expect, it } from "vitest";
import { docsIn } from "../../src/corpus/index.ts";
import type { CircularMeta } from "../../src/model/circular.ts";

const library = { docs: ["c-new", "c-mid", "c-old"].map((id) => ({ id }) as CircularMeta) };

describe("docsIn", () => {
  it("lists the documents named in the library's order, once each, leaving out ids it does not hold", () => {
    expect(docsIn(library, ["c-old", "c-gone", "c-new", "c-old"]).map((d) => d.id)).toEqual(["c-new", "c-old"]);
    expect(docsIn(library, new Set(["c-mid"]))[0]).toBe(library.docs[1]);
    expect(docsIn(library, [])).toEqual([]);
  });
});
