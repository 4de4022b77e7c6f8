import { describe, expect, it } from "vitest";
import { clausesFile } from "../../src/library/clausesFile.ts";

const HEAD = "\ufeffcircular_id,text\r\n";
const bytes = (pieces: Uint8Array[]) => Buffer.concat(pieces);

/** Rows as a document's source makes them (Chinese, so a byte is not a character), counting the calls. */
function rowMaker(texts: Record<string, string>) {
  const calls: string[] = [];
  const rowsOf = (id: string) => {
    calls.push(id);
    return `${id},${texts[id]}\r\n${id},第二条：${texts[id]}的要求\r\n`;
  };
  return { rowsOf, calls };
}

describe("clauses.csv made again from the last build's", () => {
  const first = { a: "安全生产", b: "应急预案", c: "城市安全" };
  const firstDocs = [
    { id: "a", source: "a1" },
    { id: "b", source: "b1" },
    { id: "c", source: "c1" },
  ];
  const made = rowMaker(first);
  const last = clausesFile(HEAD, firstDocs, made.rowsOf, "code-1", null);
  const lastBytes = bytes(last.pieces);

  it("equals the file made from scratch, and makes rows only for documents new or changed", () => {
    const now = { ...first, b: "应急预案（修订）", d: "标准化" };
    // c gone, d new and first (newest), b changed, a as it was.
    const docs = [
      { id: "d", source: "d1" },
      { id: "b", source: "b2" },
      { id: "a", source: "a1" },
    ];
    const again = rowMaker(now);
    const file = clausesFile(HEAD, docs, again.rowsOf, "code-1", { bytes: lastBytes, state: last.state });
    const scratch = clausesFile(HEAD, docs, rowMaker(now).rowsOf, "code-1", null);
    expect(bytes(file.pieces).equals(bytes(scratch.pieces))).toBe(true);
    expect(file.state).toEqual(scratch.state);
    expect(again.calls.sort()).toEqual(["b", "d"]);
    expect(file.made).toBe(2);
    expect(bytes(file.pieces).toString("utf8")).toContain("a,第二条：安全生产的要求\r\n");
  });

  it("makes every row again for other code or another site address", () => {
    const again = rowMaker(first);
    const file = clausesFile(HEAD, firstDocs, again.rowsOf, "code-2", { bytes: lastBytes, state: last.state });
    expect(again.calls).toEqual(["a", "b", "c"]);
    expect(bytes(file.pieces).equals(lastBytes)).toBe(true);
  });

  it("makes a document's rows again when the last file is shorter than its state says (a file cut short)", () => {
    const again = rowMaker(first);
    const cut = lastBytes.subarray(0, lastBytes.length - 3);
    const file = clausesFile(HEAD, firstDocs, again.rowsOf, "code-1", { bytes: cut, state: last.state });
    expect(again.calls).toEqual(["c"]);
    expect(bytes(file.pieces).equals(lastBytes)).toBe(true);
  });

  it("makes again the rows of a document of no known source", () => {
    const unknown = [{ id: "a", source: "" }];
    const once = clausesFile(HEAD, unknown, rowMaker(first).rowsOf, "code-1", null);
    const again = rowMaker(first);
    clausesFile(HEAD, unknown, again.rowsOf, "code-1", { bytes: bytes(once.pieces), state: once.state });
    expect(again.calls).toEqual(["a"]);
  });
});
