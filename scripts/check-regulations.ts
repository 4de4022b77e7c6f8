/**
 * `npm run --silent check-regulations [-- DIR]`: reads every bundled law and regulation
 * (content/sources/regulations, or DIR) and prints, as a table, what the parser got against
 * what each file says of itself (its README): the title is line 1; the date in the file
 * name is that of the version in force; a regulation whose title names no place is
 * national, else the place its title starts with; the issuer comes from the history lines
 * and is a body of that place (a national one for a national regulation);
 * the number of 第X条 articles is the number of lines that start with one. Last line: the
 * share met for each check, as JSON.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseCircular } from "../src/ingest/parse.ts";
import { DEFAULT_CORPUS } from "../src/config/paths.ts";
import { divisionsByCode, NATIONAL_CODE } from "../src/config/gazetteer.ts";

const dir = process.argv[2] ?? join(DEFAULT_CORPUS, "regulations");
const names = [...divisionsByCode().values()].map((d) => d.name).sort((a, b) => b.length - a.length);
/** The place a title starts with (its full name), or national. */
const expectedCode = (title: string) => {
  const name = names.find((n) => title.startsWith(n));
  return name ? [...divisionsByCode().values()].find((d) => d.name === name)!.code : NATIONAL_CODE;
};
const ARTICLE_LINE = /^\s*第\s*[一二三四五六七八九十百千零〇两]+\s*条/;

const rows: string[][] = [["file", "title", "date (file → parsed)", "place (expected → parsed)", "issuer", "articles (lines → clauses)"]];
const met = { files: 0, title: 0, dated: 0, date: 0, place: 0, issuer: 0, articles: 0 };
for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
  met.files++;
  const bytes = readFileSync(join(dir, file));
  const text = bytes.toString("utf8");
  const firstLine = text.split(/\r?\n/)[0]!.trim();
  const fileDate = /\((\d{4}-\d{2}-\d{2})\)\.txt$/.exec(file)?.[1] ?? null;
  const articleLines = text.split(/\r?\n/).filter((l) => ARTICLE_LINE.test(l)).length;
  const r = parseCircular(bytes, file);
  if (!r.ok) {
    rows.push([file, `✗ ${r.error.message}`, "", "", "", ""]);
    continue;
  }
  const m = r.value;
  const ok = (b: boolean) => (b ? "✓" : "✗");
  const code = expectedCode(firstLine);
  const got = m.jurisdiction?.code ?? "—";
  const articles = m.clauses.filter((c) => c.kind === "article").length;
  met.title += +(m.title === firstLine);
  if (fileDate) {
    met.dated++;
    met.date += +(m.date === fileDate);
  }
  met.place += +(got === code);
  // The issuer is a body of the document's place: 重庆市人民代表大会常务委员会, not 市人民代表大会常务委员会.
  const placeName = [...divisionsByCode().values()].find((d) => d.code === code)?.name;
  const issuerOk = m.issuers.length > 0 && (placeName ? m.issuers[0]!.startsWith(placeName) : !names.some((n) => m.issuers[0]!.startsWith(n)));
  met.issuer += +issuerOk;
  met.articles += +(articles === articleLines);
  rows.push([
    file.replace(/\.txt$/, ""),
    m.title === firstLine ? "✓" : `✗ ${m.title}`,
    `${ok(!fileDate || m.date === fileDate)} ${fileDate ?? "—"} → ${m.date ?? "—"}`,
    `${ok(got === code)} ${code} → ${got}`,
    `${ok(issuerOk)} ${m.issuers.join("、") || "—"}`,
    `${ok(articles === articleLines)} ${articleLines} → ${articles}`,
  ]);
}
for (const row of rows) console.log(row.join(" | "));
const share = (n: number, of: number) => Math.round((1000 * n) / Math.max(1, of)) / 10;
console.log(JSON.stringify({
  files: met.files,
  titlePct: share(met.title, met.files),
  datePct: share(met.date, met.dated),
  placePct: share(met.place, met.files),
  issuerPct: share(met.issuer, met.files),
  articlesPct: share(met.articles, met.files),
}));
