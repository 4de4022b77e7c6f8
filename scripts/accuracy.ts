/**
 * `npm run --silent accuracy [-- --details] [-- DIR]`: every labelled set of the source folder
 * (the seeds, the laws and regulations as text and as Markdown, the web circulars with their
 * hand-read labels) and the same documents wrapped in realistic page damage, parsed as
 * ingest parses them; prints per set and field how many values are right, unknown and
 * wrong, and exits 1 if any value is wrong.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_CORPUS, ROOT } from "../src/config/paths.ts";
import { parseSource } from "../src/ingest/parse.ts";
import { FIELDS, judge, tally, type Judged } from "../src/bench/accuracy/judge.ts";
import { bundledSets, handLabelled } from "../src/bench/accuracy/sets.ts";
import { damagedSets } from "../src/bench/accuracy/damage.ts";

const args = process.argv.slice(2);
const details = args.includes("--details");
const dir = args.find((a) => !a.startsWith("--")) ?? DEFAULT_CORPUS;

// The project's own fixtures of the patterns real pages break in (tests/fixtures/unseen), with their labels.
const FIXTURES = join(ROOT, "tests", "fixtures", "unseen");
const sets = [
  ...bundledSets(dir),
  ...(existsSync(join(FIXTURES, "labels.json")) ? [handLabelled("fixtures", FIXTURES)] : []),
];
let wrong = 0;
const rows: string[][] = [];
const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
const report = (set: string, judged: Judged[], failures: string[]) => {
  const t = tally(judged);
  for (const f of FIELDS) {
    const c = t.get(f);
    if (!c) continue;
    rows.push([
      set,
      f,
      String(c.right),
      String(c.unknown),
      String(c.wrong),
      pct(c.right, c.right + c.unknown + c.wrong),
    ]);
    wrong += c.wrong;
  }
  // Of the values the labels state (not those they say are absent): how many were read right.
  const stated = judged.filter((j) => j.expected !== "—");
  const all = tally(judged);
  const sum = (k: "right" | "unknown" | "wrong") => [...all.values()].reduce((n, c) => n + c[k], 0);
  rows.push([
    set,
    "(all fields)",
    String(sum("right")),
    String(sum("unknown")),
    String(sum("wrong")),
    `${pct(sum("right"), judged.length)}; of stated values` +
      ` ${pct(stated.filter((j) => j.verdict === "right").length, stated.length)}`,
  ]);
  if (details) for (const line of failures) console.error(line);
};

for (const set of sets) {
  const judged: Judged[] = [];
  const failures: string[] = [];
  for (const f of set.files) {
    const r = await parseSource(readFileSync(f.path), f.path);
    if (!r.ok) {
      failures.push(`${f.name}: ✗ ${r.error.message}`);
      continue;
    }
    const js = judge(f.label, r.value);
    judged.push(...js);
    for (const j of js)
      if (j.verdict !== "right") failures.push(`${f.name} ${j.field} ${j.verdict}: ${j.expected} → ${j.got}`);
  }
  report(set.name, judged, failures);
}
for (const d of damagedSets(sets)) {
  const judged: Judged[] = [];
  const failures: string[] = [];
  for (const f of d.files) {
    const r = await parseSource(f.bytes, f.fileName);
    if (!r.ok) {
      failures.push(`${d.name} ${f.name}: ✗ ${r.error.message}`);
      continue;
    }
    const js = judge(f.label, r.value);
    judged.push(...js);
    for (const j of js)
      if (j.verdict === "wrong") failures.push(`${d.name} ${f.name} ${j.field} wrong: ${j.expected} → ${j.got}`);
  }
  report(`damaged: ${d.name}`, judged, failures);
}

const widths = [0, 1, 2, 3, 4, 5].map((i) =>
  Math.max(...[["set", "field", "right", "unknown", "wrong", "right %"], ...rows].map((r) => [...r[i]!].length)),
);
const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
console.log(line(["set", "field", "right", "unknown", "wrong", "right %"]));
for (const r of rows) console.log(line(r));
console.log(`wrong values: ${wrong}`);
process.exit(wrong > 0 ? 1 : 0);
