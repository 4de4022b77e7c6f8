/**
 * `npm run ingest [-- --strict]`: raw circulars (CORPUS=DIR, else content/sources) →
 * content/models/<id>.json and content/circulars/<id>.mdx. Incremental: a file whose
 * bytes and the pipeline's code are unchanged is not parsed again, and an output whose
 * content is unchanged is not rewritten. Bad files are reported as file:line and skipped;
 * --strict makes any of them fatal.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { Circular, formatError } from "../src/model/circular.ts";
import { ingestCorpus, type SourceFile } from "../src/corpus/ingestCorpus.ts";
import { renderMdx } from "../src/mdx/render.ts";
import { MANIFEST, MDX_DIR, MODELS_DIR, ROOT, corpusDir } from "../src/config/paths.ts";

interface Manifest {
  pipeline: string;
  files: Record<string, { sha256: string; id: string }>;
}

const strict = process.argv.includes("--strict");
const dir = corpusDir();

/** Every file below `d`, but hidden ones and the folder's own README. */
function listFiles(d: string): string[] {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith(".") || /^readme(\.(md|txt))?$/i.test(e.name)) return [];
    const p = join(d, e.name);
    return e.isDirectory() ? listFiles(p) : e.isFile() ? [p] : [];
  });
}

/** Hash of the code that turns a source into outputs: a change re-parses everything. */
function pipelineHash(): string {
  const h = createHash("sha256");
  for (const sub of ["src/text", "src/ingest", "src/model", "src/mdx", "src/config", "src/corpus/ingestCorpus.ts"]) {
    const p = join(ROOT, sub);
    const files = statSync(p).isDirectory() ? listFiles(p).sort() : [p];
    for (const f of files) h.update(f).update(readFileSync(f));
  }
  return h.digest("hex");
}

function writeIfChanged(path: string, content: string): boolean {
  if (existsSync(path) && readFileSync(path, "utf8") === content) return false;
  writeFileSync(path, content);
  return true;
}

if (!existsSync(dir)) {
  console.error(`${dir}:0: corpus folder does not exist`);
  process.exit(1);
}
mkdirSync(MDX_DIR, { recursive: true });
mkdirSync(MODELS_DIR, { recursive: true });
const pipeline = pipelineHash();
const previous: Manifest = existsSync(MANIFEST) ? JSON.parse(readFileSync(MANIFEST, "utf8")) : { pipeline: "", files: {} };
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

const files: SourceFile[] = listFiles(dir).map((p) => ({ file: relative(process.cwd(), p) || p, key: relative(dir, p).split("\\").join("/"), bytes: readFileSync(p) }));
let reused = 0;
const { models, errors, notices } = ingestCorpus(files, (f) => {
  const before = previous.files[f.file];
  const modelPath = before && join(MODELS_DIR, `${before.id}.json`);
  if (previous.pipeline !== pipeline || !before || before.sha256 !== sha(f.bytes) || !existsSync(modelPath!)) return null;
  const parsed = Circular.safeParse(JSON.parse(readFileSync(modelPath!, "utf8")));
  if (!parsed.success) return null;
  reused++;
  return parsed.data;
});

const written: string[] = [];
const keep = new Set<string>();
for (const m of models) {
  const json = JSON.stringify(m, null, 1) + "\n";
  const mdx = renderMdx(m);
  const a = writeIfChanged(join(MODELS_DIR, `${m.id}.json`), json);
  const b = writeIfChanged(join(MDX_DIR, `${m.id}.mdx`), mdx);
  if (a || b) written.push(m.id);
  keep.add(`${m.id}.json`).add(`${m.id}.mdx`);
}
let removed = 0;
for (const d of [MODELS_DIR, MDX_DIR]) {
  for (const f of readdirSync(d)) {
    if (!f.startsWith(".") && !keep.has(f)) {
      rmSync(join(d, f));
      removed++;
    }
  }
}
const manifest: Manifest = { pipeline, files: Object.fromEntries(models.map((m) => [m.source.file, { sha256: m.source.sha256, id: m.id }])) };
writeFileSync(MANIFEST, JSON.stringify(manifest, null, 1));

for (const e of errors) console.error(formatError(e));
for (const n of notices) console.error(`notice: ${n}`);
console.log(
  `ingest: ${models.length} circulars from ${relative(ROOT, dir) || dir}; ${written.length} written${written.length && written.length <= 10 ? ` (${written.join(", ")})` : ""}, ` +
    `${models.length - written.length} unchanged, ${reused} not re-parsed, ${removed} stale files removed; ${errors.length} bad files skipped`,
);
if (errors.length > 0 && (strict || models.length === 0)) process.exit(1);
