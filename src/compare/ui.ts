/**
 * The compare page in the browser: loads the chosen circulars' models, aligns their
 * clauses by content against the first one, and shows aligned rows (data-a / data-b /
 * data-c clause ids, data-score) with shared wording in <mark>; or, in diff mode, the
 * clause-level changes from the first to the second with word-level <ins>/<del>.
 */
import "../model/jitless.ts";
import { siteUrls } from "../config/urls.ts";
import { Circular, Validity, validateModel, type Clause, type ValidityStatus } from "../model/circular.ts";
import { clausesOf } from "../model/clauses.ts";
import { VALIDITY_NAMES } from "../model/display.ts";
import { citationText } from "../model/labels.ts";
import type { ComparedRow, DiffEntry } from "../exports/word.ts";
import { download } from "../exports/download.ts";
import { basketButton, startBasketButtons } from "../exports/basketButtons.ts";
import { citationLabel } from "../model/labels.ts";
import { createKeys } from "../text/normalize.ts";
import { browserFold, type ScriptTable } from "../text/script.ts";
import { idfOf, type IdfTable } from "./idf.ts";
import { alignClauses, diffVersions, sharedWording, type Idf, type PhraseKey, type Segment } from "./similarity.ts";

const urls = siteUrls(document.documentElement.dataset.base);
/** Texts are compared by the search index's key; the whole script table is fetched only for traditional characters. */
const foldFor = browserFold(() => fetch(urls.scriptTable()).then((r) => r.json() as Promise<ScriptTable>));

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

const clauseLink = (doc: Circular, c: Clause) =>
  el("a", { href: urls.clause(doc.id, c.id), textContent: citationLabel(c.path) });

function segments(parts: Segment[]): Node[] {
  return parts.map((p) => (p.shared ? el("mark", { textContent: p.text }) : document.createTextNode(p.text)));
}

function cell(doc: Circular, c: Clause | undefined, parts?: Segment[]): HTMLTableCellElement {
  if (!c) return el("td", { className: "none", textContent: "—" });
  return el(
    "td",
    {},
    el("div", { className: "clause-ref" }, clauseLink(doc, c), " ", basketButton(doc.id, c.id)),
    el("p", {}, ...(parts ? segments(parts) : [c.text])),
  );
}

/** What the export buttons write: the comparison as data, kept when it is drawn. */
interface Exportable {
  alignment?: { docs: Circular[]; rows: ComparedRow[]; unmatched: Clause[][] };
  diff?: { before: Circular; after: Circular; entries: DiffEntry[] };
}
let current: Exportable = {};
const clauseCell = (d: Circular, c: Clause) => ({
  label: citationLabel(c.path),
  text: c.text,
  citation: citationText(d, c),
});

/** The library's IDF; without it (an old build, a failed fetch) clauses are weighed within the documents compared. */
const libraryIdf = (): Promise<Idf | undefined> =>
  fetch(urls.idfTable()).then(
    (r) => (r.ok ? r.json().then((t: IdfTable) => idfOf(t)) : undefined),
    () => undefined,
  );

function renderAlignment(docs: Circular[], key: PhraseKey, idf: Idf | undefined): HTMLElement {
  const [a, ...others] = docs as [Circular, ...Circular[]];
  const texts = (d: Circular) => clausesOf(d).map((c) => c.text);
  const alignments = others.map((o) => alignClauses(texts(a), texts(o), key, { idf }));
  const rows: ComparedRow[] = [];
  const table = el("table", { className: "compare-table" });
  table.append(el("caption", { textContent: "按内容对齐的条款（以文件甲为基准）" }));
  const head = el(
    "tr",
    {},
    ...docs.map((d, i) =>
      el("th", { scope: "col" }, `${"甲乙丙"[i]}：`, el("a", { href: urls.circular(d.id), textContent: d.title })),
    ),
  );
  others.forEach(() => head.append(el("th", { scope: "col", className: "score", textContent: "相似度" })));
  table.append(el("thead", {}, head));
  const body = el("tbody");
  clausesOf(a).forEach((ca, i) => {
    const matches = alignments.map((al) => al.pairs.find((p) => p.a === i));
    if (matches.every((m) => !m)) return;
    const row = el("tr", { className: "aligned" });
    row.dataset.a = ca.id;
    // Shared wording of A is marked against its best match.
    const best = matches.reduce<{ k: number; score: number } | null>(
      (acc, m, k) => (m && (!acc || m.score > acc.score) ? { k, score: m.score } : acc),
      null,
    )!;
    const bestMatch = clausesOf(others[best.k]!)[matches[best.k]!.b]!;
    row.append(cell(a, ca, sharedWording(ca.text, bestMatch.text).a));
    matches.forEach((m, k) => {
      const other = others[k]!;
      const cb = m ? clausesOf(other)[m.b] : undefined;
      if (cb) row.dataset["bc"[k] as "b"] = cb.id;
      row.append(cell(other, cb, cb ? sharedWording(ca.text, cb.text).b : undefined));
    });
    row.dataset.score = String(Math.round(best.score * 1000) / 1000);
    matches.forEach((m) => row.append(el("td", { className: "score", textContent: m ? m.score.toFixed(2) : "—" })));
    body.append(row);
    rows.push({
      cells: [
        clauseCell(a, ca),
        ...matches.map((m, k) => (m ? clauseCell(others[k]!, clausesOf(others[k]!)[m.b]!) : null)),
      ],
      scores: matches.map((m) => (m ? m.score : null)),
    });
  });
  table.append(body);
  const wrap = el("div", {}, table);
  const unmatched = el("section", { className: "unmatched" }, el("h2", { textContent: "未能对应的条款" }));
  const usedA = new Set(alignments.flatMap((al) => al.pairs.map((p) => p.a)));
  const lists: Array<[Circular, Clause[]]> = [
    [a, clausesOf(a).filter((_, i) => !usedA.has(i))],
    ...others.map((o, k) => [o, alignments[k]!.unmatchedB.map((j) => clausesOf(o)[j]!)] as [Circular, Clause[]]),
  ];
  lists.forEach(([d, cs], k) => {
    const ul = el(
      "ul",
      {},
      ...cs.map((c) => el("li", {}, clauseLink(d, c), ` ${c.heading ?? c.text.slice(0, 40) + "…"}`)),
    );
    ul.dataset.side = "abc"[k]!;
    unmatched.append(el("h3", { textContent: `${"甲乙丙"[k]}：${d.title}（${cs.length}）` }), ul);
  });
  wrap.append(unmatched);
  current = { alignment: { docs, rows, unmatched: lists.map(([, cs]) => cs) } };
  return wrap;
}

/** A document's 时效性 mark, as the pages draw it. */
const validityMark = (status: ValidityStatus) =>
  el("span", { className: `validity validity-${status}`, textContent: VALIDITY_NAMES[status] });

function renderDiff(
  before: Circular,
  after: Circular,
  key: PhraseKey,
  idf: Idf | undefined,
  statuses: Map<string, ValidityStatus>,
): HTMLElement {
  const diffs = diffVersions(
    clausesOf(before).map((c) => c.text),
    clausesOf(after).map((c) => c.text),
    key,
    { idf },
  );
  const counts = { added: 0, removed: 0, changed: 0, moved: 0, unchanged: 0 };
  diffs.forEach((d) => counts[d.kind]++);
  const list = el("ol", { className: "version-diff" });
  const names = { added: "新增", removed: "删除", changed: "修改", moved: "移动", unchanged: "未变" };
  const entries: DiffEntry[] = [];
  for (const d of diffs) {
    const li = el("li", { className: `diff-${d.kind}` });
    li.dataset.kind = d.kind;
    const ca = d.a !== null ? clausesOf(before)[d.a]! : null;
    const cb = d.b !== null ? clausesOf(after)[d.b]! : null;
    li.append(
      el("strong", { textContent: names[d.kind] }),
      " ",
      ...(ca ? [clauseLink(before, ca)] : []),
      ...(ca && cb ? [" → "] : []),
      ...(cb ? [clauseLink(after, cb)] : []),
    );
    if (d.changes.length) {
      li.append(
        el(
          "p",
          {},
          ...d.changes.map((w) =>
            w.kind === "same"
              ? document.createTextNode(w.value)
              : el(w.kind === "added" ? "ins" : "del", { textContent: w.value }),
          ),
        ),
      );
    } else if (d.kind === "added" || d.kind === "removed") {
      li.append(el("p", { textContent: (ca ?? cb)!.text }));
    }
    list.append(li);
    const whole = d.kind === "added" ? "added" : d.kind === "removed" ? "removed" : "same";
    entries.push({
      kind: d.kind,
      before: ca ? citationLabel(ca.path) : null,
      after: cb ? citationLabel(cb.path) : null,
      changes: d.changes.length
        ? d.changes.map((w) => ({ kind: w.kind, value: w.value }))
        : [{ kind: whole, value: (cb ?? ca)!.text }],
    });
  }
  current = { diff: { before, after, entries } };
  // Which side is in force.
  const side = (label: string, d: Circular) =>
    el(
      "li",
      {},
      `${label}：`,
      el("a", { href: urls.circular(d.id), textContent: `${d.title}（${d.date ?? "日期不详"}）` }),
      validityMark(statuses.get(d.id) ?? "unknown"),
    );
  return el(
    "div",
    {},
    el("ul", { className: "diff-sides" }, side("旧版本", before), side("新版本", after)),
    el("p", {
      className: "diff-summary",
      textContent:
        `从“${before.title}”到“${after.title}”：新增 ${counts.added} 条，删除 ${counts.removed} 条，` +
        `修改 ${counts.changed} 条，移动 ${counts.moved} 条，未变 ${counts.unchanged} 条（条款按内容对应，不按条号）。`,
    }),
    list,
  );
}

/**
 * The export buttons under a comparison: Word and Excel for the aligned table, Word (with revisions) for a version
 * diff.
 */
function exportsOf(statuses: Map<string, ValidityStatus>): void {
  const bar = document.getElementById("compare-exports")!;
  const [docx, xlsx] = ["docx", "xlsx"].map((k) => bar.querySelector<HTMLButtonElement>(`[data-export="${k}"]`)!);
  bar.hidden = false;
  xlsx!.hidden = !current.alignment;
  const page = { url: location.href };
  docx!.onclick = async () => {
    const word = await import("../exports/word.ts");
    if (current.alignment) {
      const { docs, rows, unmatched } = current.alignment;
      const file = word.comparisonWord(
        docs.map((d) => ({ title: d.title, citation: citationText(d) })),
        rows,
        unmatched.map((cs, k) => cs.map((c) => clauseCell(docs[k]!, c))),
        page,
      );
      download(await word.toBlob(file), "条款对照表.docx");
    } else if (current.diff) {
      const { before, after, entries } = current.diff;
      const side = (d: Circular) => ({
        title: d.title,
        date: d.date,
        status: VALIDITY_NAMES[statuses.get(d.id) ?? "unknown"],
      });
      download(await word.toBlob(word.diffWord(side(before), side(after), entries, page)), "版本差异.docx");
    }
  };
  xlsx!.onclick = async () => {
    if (!current.alignment) return;
    const { xlsx: sheet } = await import("../exports/xlsx.ts");
    const { docs, rows } = current.alignment;
    const names = docs.map((_, i) => "甲乙丙"[i]!);
    const header = [
      ...names.flatMap((n) => [`${n}：条款`, `${n}：内容`, `${n}：引用`]),
      ...names.slice(1).map((n) => `甲—${n}相似度`),
    ];
    const data = rows.map((r) => [
      ...r.cells.flatMap((c) => (c ? [c.label, c.text, c.citation] : ["", "", ""])),
      ...r.scores.map((s) => (s === null ? "" : s.toFixed(2))),
    ]);
    download(await sheet("条款对照", header, data), "条款对照表.xlsx");
  };
}

export function startComparePage(): void {
  startBasketButtons();
  const form = document.getElementById("compare-form") as HTMLFormElement;
  const status = document.getElementById("compare-status")!;
  const output = document.getElementById("compare-output")!;
  const filter = document.getElementById("compare-filter") as HTMLInputElement;
  const params = new URLSearchParams(location.search);
  const select = (k: string) => form.elements.namedItem(k) as HTMLSelectElement;
  // The page lists the library once, in 文件甲 (pages/compare/index.astro).
  const library = [...select("a").options].slice(1);
  for (const k of ["b", "c"]) select(k).append(...library.map((o) => o.cloneNode(true)));
  for (const k of ["a", "b", "c"]) select(k).value = params.get(k) ?? "";
  (form.elements.namedItem("mode") as HTMLInputElement).checked = params.get("mode") === "diff";
  filter.addEventListener("input", () => {
    const needle = filter.value.trim();
    for (const option of form.querySelectorAll("option"))
      option.hidden = !!option.value && !!needle && !option.textContent!.includes(needle);
  });
  const ids = ["a", "b", "c"].map((k) => params.get(k)).filter((x): x is string => !!x);
  if (ids.length < 2) {
    status.textContent = "请选择至少两件文件。";
    output.dataset.state = "done";
    return;
  }
  status.textContent = "比较中…";
  const idf = libraryIdf();
  const statuses = new Map<string, ValidityStatus>();
  Promise.all(
    ids.map((id) =>
      fetch(urls.docJson(id)).then(async (r) => {
        if (!r.ok) throw new Error(`没有编号为 ${id} 的文件`);
        const json = (await r.json()) as { validity?: unknown };
        const checked = validateModel(Circular, json, urls.docJson(id));
        if (!checked.ok) throw new Error(`${id} 的数据格式有误（${checked.error.message}）`);
        // The library's 时效性 of the document, beside its model in the open data.
        const validity = Validity.safeParse(json.validity);
        statuses.set(id, validity.success ? validity.data.status : "unknown");
        return checked.value;
      }),
    ),
  )
    .then(async (docs) => {
      const diff = params.get("mode") === "diff";
      const { phraseKey } = createKeys(await foldFor(docs.flatMap((d) => clausesOf(d).map((c) => c.text))));
      output.replaceChildren(
        diff
          ? renderDiff(docs[0]!, docs[1]!, phraseKey, await idf, statuses)
          : renderAlignment(docs, phraseKey, await idf),
      );
      exportsOf(statuses);
      const rows = output.querySelectorAll("tr.aligned").length;
      status.textContent = diff ? "版本差异如下。" : `共对齐 ${rows} 组条款。`;
      output.dataset.state = "done";
    })
    .catch((e: Error) => {
      status.textContent = `无法比较：${e.message}`;
      output.dataset.state = "done";
    });
}
