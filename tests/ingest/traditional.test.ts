/** Mirror sites serve circulars in traditional script: the model comes out the same. */
import * as OpenCC from "opencc-js/cn2t";
import { describe, expect, it } from "vitest";
import { decode } from "../../src/ingest/read.ts";
import { compactKey } from "../../src/text/keys.ts";
import { parseOk, seedBytes, seedFiles } from "../helpers.ts";
import { clausesOf } from "../../src/model/clauses.ts";

const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });

describe.each(seedFiles())("%s in traditional script", (name) => {
  it("keeps 文号, date, 文种, place, clauses and 责任单位", () => {
    const simplified = parseOk(seedBytes(name), name);
    const text = (decode(seedBytes(name)) as { text: string }).text;
    const trad = parseOk(Buffer.from(toTraditional(text)), name);
    expect(trad.title).not.toBe(simplified.title);
    expect(compactKey(trad.title)).toBe(compactKey(simplified.title));
    expect(trad.docNumber).toBe(simplified.docNumber);
    expect(trad.date).toBe(simplified.date);
    expect(trad.genre).toBe(simplified.genre);
    expect(trad.jurisdiction?.code).toBe(simplified.jurisdiction?.code);
    expect(clausesOf(trad).map((c) => [c.id, c.path])).toEqual(clausesOf(simplified).map((c) => [c.id, c.path]));
    expect(clausesOf(trad).map((c) => c.responsible.length)).toEqual(
      clausesOf(simplified).map((c) => c.responsible.length),
    );
  });
});
