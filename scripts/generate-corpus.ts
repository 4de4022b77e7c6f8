/**
 * `node scripts/generate-corpus.ts N OUT_DIR [SEED] [--years FROM-TO] [--prefix P] [--keep]`: a
 * synthetic corpus of N circulars (see src/bench/generate.ts). OUT_DIR is emptied first
 * unless --keep (to add circulars to a corpus, with another --prefix).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateCorpus } from "../src/bench/generate.ts";
import { parseCircular } from "../src/ingest/parse.ts";
import { DEFAULT_CORPUS } from "../src/config/paths.ts";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const years = flag("--years")?.split("-").map(Number) as [number, number] | undefined;
const prefix = flag("--prefix");
const keep = args.includes("--keep") && (args.splice(args.indexOf("--keep"), 1), true);
const [n = "1000", out = "bench-out/corpus", seed = "1"] = args;
// The seed circulars at the top of the bundled corpus (the regulations below are another genre).
const seeds = readdirSync(DEFAULT_CORPUS, { withFileTypes: true }).flatMap((e) => {
  if (!e.isFile() || !e.name.endsWith(".txt")) return [];
  const r = parseCircular(readFileSync(join(DEFAULT_CORPUS, e.name)), e.name);
  return r.ok ? [r.value] : [];
});
if (!keep) rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const files = generateCorpus(seeds, Number(n), Number(seed), { years, prefix });
for (const f of files) writeFileSync(join(out, f.name), f.text);
console.log(`generated ${files.length} circulars in ${out}`);
