/** A gzip copy made in runs: any gzip reader takes it whole, and a run is compressed again only when it changed. */
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { gzipRuns, runsOf } from "../../src/site/gzipRuns.ts";

const encoder = new TextEncoder();
const rows = (doc: number, n: number) =>
  encoder.encode(
    Array.from({ length: n }, (_, k) => `c-${doc},第${k + 1}条,"各地区要落实安全生产责任制。${doc * k}"\n`).join(""),
  );
const text = (runs: Uint8Array[][]) => Buffer.concat(runs.flat()).toString("utf8");
const joined = (pieces: Uint8Array[]): Buffer<ArrayBuffer> => Buffer.concat(pieces);
/** As a browser reads a response sent with Content-Encoding: gzip. */
async function streamed(bytes: Buffer<ArrayBuffer>): Promise<string> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text();
}

describe("gzipRuns", () => {
  it("makes one gzip member of the runs that gunzip and a streaming reader both take whole", async () => {
    const cache = mkdtempSync(join(tmpdir(), "gzip-runs-"));
    const runs = [[encoder.encode("文号,条款\n"), rows(1, 300)], [], [rows(2, 2000), rows(3, 5)], [rows(4, 1)]];
    const gz = joined(gzipRuns(runs, 4, cache).pieces);
    expect(gunzipSync(gz).toString("utf8")).toBe(text(runs));
    expect(await streamed(gz)).toBe(text(runs));
    // Smaller than the text: the runs are compressed.
    expect(gz.length).toBeLessThan(Buffer.concat(runs.flat()).length / 3);
  });

  it("an empty file too", async () => {
    const gz = joined(gzipRuns([], 4, mkdtempSync(join(tmpdir(), "gzip-runs-"))).pieces);
    expect(gunzipSync(gz).length).toBe(0);
    expect(await streamed(gz)).toBe("");
  });

  it("compresses again only the runs that changed, and the cache keeps only this file's runs", () => {
    const cache = mkdtempSync(join(tmpdir(), "gzip-runs-"));
    const runs = [[rows(1, 200)], [rows(2, 200)], [rows(3, 200)]];
    const first = gzipRuns(runs, 4, cache);
    expect([first.made, first.reused]).toEqual([3, 0]);
    const changed = [runs[0]!, [rows(2, 200), rows(9, 3)], runs[2]!];
    const second = gzipRuns(changed, 4, cache);
    expect([second.made, second.reused]).toEqual([1, 2]);
    expect(gunzipSync(joined(second.pieces)).toString("utf8")).toBe(text(changed));
    expect(readdirSync(cache)).toHaveLength(3);
    // Another level is another run.
    expect(gzipRuns(changed, 6, cache).made).toBe(3);
  });

  it("ends a run after about one item in `every`; inserting an item changes the run that holds it alone", () => {
    const item = (i: number): [string, Uint8Array] => [`c-${i.toString(16).padStart(10, "0")}`, rows(i, 2)];
    const items = Array.from({ length: 10_000 }, (_, i) => item(i));
    const head = encoder.encode("文号,条款\n");
    const runs = runsOf(head, items, 64);
    expect(runs.length).toBeGreaterThan(10_000 / 64 / 1.5);
    expect(runs.length).toBeLessThan((10_000 / 64) * 1.5);
    expect(text(runs)).toBe(Buffer.concat([head, ...items.map(([, b]) => b)]).toString("utf8"));
    const keys = (rs: Uint8Array[][]) => new Set(rs.map((r) => Buffer.concat(r).toString("base64")));
    const before = keys(runs);
    for (const at of [0, 5_000, 10_000]) {
      const after = keys(runsOf(head, [...items.slice(0, at), item(20_000 + at), ...items.slice(at)], 64));
      expect([...after].filter((r) => !before.has(r)).length, `inserted at ${at}`).toBeLessThanOrEqual(2);
      expect([...before].filter((r) => !after.has(r)).length, `inserted at ${at}`).toBe(1);
    }
  });
});
