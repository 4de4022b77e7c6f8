import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { progress, summaryLine } from "../../src/bench/progress.ts";

/** A stream that is not a terminal, as in CI or a log file. */
function logStream(): { stream: NodeJS.WriteStream; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += chunk;
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  return { stream, text: () => text };
}

describe("progress of a long stage", () => {
  it("off a terminal, writes nothing while running and one summary line at the end", () => {
    const log = logStream();
    const p = progress("ingest", 3, { stream: log.stream, unit: "files" });
    p.tick();
    p.tick(2);
    expect(log.text()).toBe("");
    p.done();
    expect(log.text()).toMatch(/^ingest: 3\/3 files in \d+\.\d s \(\d+\/s\)\n$/);
  });

  it("the summary gives done/total, time and rate", () => {
    expect(summaryLine("pagefind", 10000, 10000, 80_000, "pages")).toBe(
      "pagefind: 10000/10000 pages in 80.0 s (125/s)",
    );
  });
});
