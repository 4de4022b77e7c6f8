/**
 * `npm run add -- FILE… [--dry-run]`: adds documents as staff have them (text, a saved page,
 * .docx, .pdf, .ofd) to the library's source folder (CORPUS, else content/sources): each is
 * read and parsed first, and only files that parse are copied. Prints a table — file,
 * title, 文号, date, place, clauses, warnings — and exits 1 if any file failed.
 * `--dry-run` reads and reports, and copies nothing.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import Table from "cli-table3";
import { corpusDir } from "../src/config/paths.ts";
import { parseSource } from "../src/ingest/parse.ts";
import { formatError } from "../src/model/circular.ts";
import { clausesOf } from "../src/model/clauses.ts";
import { formatDate, jurisdictionText } from "../src/model/display.ts";

const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const files = args.filter((a) => a !== "--dry-run");
if (files.length === 0) {
  console.error("usage: npm run add -- FILE… [--dry-run]");
  process.exit(2);
}
const dest = corpusDir();
const table = new Table({
  head: ["文件", "标题", "文号", "成文日期", "地区", "条款", "提示"],
  wordWrap: true,
  colWidths: [24, 44, 22, 16, 20, 6, 44],
  style: { head: [], border: [] },
});
let failed = 0;
for (const file of files) {
  const name = basename(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    console.error(`${file}:0: cannot read file: ${(e as Error).message}`);
    failed++;
    continue;
  }
  const target = join(dest, name);
  if (existsSync(target) && !readFileSync(target).equals(bytes)) {
    console.error(
      `${file}:0: a different file named ${name} is already in ${dest}: rename this one or remove the old one first`,
    );
    failed++;
    continue;
  }
  const r = await parseSource(bytes, target, { sourceKey: name });
  if (!r.ok) {
    console.error(formatError({ ...r.error, file }));
    failed++;
    continue;
  }
  const m = r.value;
  const already = existsSync(target);
  if (!dryRun && !already) {
    mkdirSync(dest, { recursive: true });
    copyFileSync(file, target);
  }
  const note = [already ? "已在库中" : dryRun ? "试运行，未复制" : "", ...m.warnings.map((w) => w.message)].filter(
    Boolean,
  );
  table.push([
    name,
    m.title,
    m.docNumber ?? "—",
    m.date ? formatDate(m.date) : "不详",
    jurisdictionText(m.jurisdiction) || "不详",
    String(clausesOf(m).length),
    note.join("；").slice(0, 200),
  ]);
}
console.log(table.toString());
console.log(
  `${files.length - failed} of ${files.length} added to` +
    ` ${dest}${dryRun ? " (dry run: nothing copied)" : ""}; run npm run build to publish them`,
);
process.exit(failed > 0 ? 1 : 0);
