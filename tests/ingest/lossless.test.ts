/**
 * Lossless: every non-blank source line is in exactly one of body and noise, verbatim;
 * every clause text is a substring of body. And the same document written with other
 * whitespace, widths, line ends and encodings gives the same model.
 */
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { Circular } from "../../src/model/circular.ts";
import { clausesOf } from "../../src/model/clauses.ts";
import { decode, splitLines } from "../../src/ingest/read.ts";
import { compactKey } from "../../src/text/keys.ts";
import { assertLossless, parseOk, seedBytes, seedFiles } from "../helpers.ts";

/** What must not change when only the writing of the characters changes. */
function signature(m: Circular) {
  return {
    id: m.id,
    title: compactKey(m.title),
    issuers: m.issuers.map(compactKey),
    docNumber: m.docNumber,
    date: m.date,
    genre: m.genre,
    code: m.jurisdiction?.code ?? null,
    clauses: clausesOf(m).map((c) => ({ id: c.id, path: c.path, responsible: c.responsible.map(compactKey) })),
  };
}

describe("lossless on the seeds", () => {
  it.each(seedFiles())("%s", (name) => {
    const bytes = seedBytes(name);
    assertLossless(bytes, parseOk(bytes, name));
  });
});

const WIDTH_PAIRS: Array<[string, string]> = [
  ["(", "（"],
  [")", "）"],
  [",", "，"],
  [":", "："],
  [";", "；"],
  ["0", "０"],
  ["1", "１"],
  ["2", "２"],
  ["9", "９"],
];
const INDENTS = ["", "　　", "\u00a0\u00a0", "\t", "  ", "\u00a0\u3000"];
const ENCODINGS = ["utf8", "utf8bom", "gb18030", "utf16le", "utf16be"] as const;

function encode(text: string, enc: (typeof ENCODINGS)[number]): Buffer {
  switch (enc) {
    case "utf8":
      return Buffer.from(text, "utf8");
    case "utf8bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "gb18030":
      return iconv.encode(text, "gb18030");
    case "utf16le":
      return iconv.encode(text, "utf-16le", { addBOM: true });
    case "utf16be":
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, "utf-16be")]);
  }
}

describe("the same circular, written differently", () => {
  const originals = seedFiles().map((name) => {
    const text = (decode(seedBytes(name)) as { text: string }).text;
    return { name, text, signature: signature(parseOk(seedBytes(name), name)) };
  });

  it("gives the same metadata, clause ids, paths and 责任单位", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...originals),
        fc.constantFrom(...ENCODINGS),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.infiniteStream(
          fc.record({
            indent: fc.constantFrom(...INDENTS),
            trail: fc.constantFrom("", " ", "\u3000", "\u00a0"),
            flip: fc.subarray(WIDTH_PAIRS.map((_, i) => i)),
            toFull: fc.boolean(),
          }),
        ),
        (orig, enc, eol, perLine) => {
          const lines = splitLines(orig.text).lines;
          const it = perLine[Symbol.iterator]();
          const perturbed = lines
            .map((line) => {
              const p = it.next().value!;
              let l = line;
              for (const i of p.flip) {
                const [half, full] = WIDTH_PAIRS[i]!;
                l = p.toFull ? l.split(half).join(full) : l.split(full).join(half);
              }
              return p.indent + l.replace(/^[\s\u00a0\u3000]+/, "") + p.trail;
            })
            .join(eol);
          const bytes = encode(perturbed, enc);
          const m = parseOk(bytes, orig.name);
          assertLossless(bytes, m);
          expect(signature(m)).toEqual(orig.signature);
        },
      ),
      { numRuns: 60, seed: 20261123 },
    );
  });
});
