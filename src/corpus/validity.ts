/**
 * 时效性: whether a document is in force as of a date, chosen from evidence like every other
 * fact the library shows, never guessed:
 * - the library: a document that repeals it (…同时废止, 关于废止《X》的决定) makes it `repealed`;
 *   a later version of it, or a document that amends it (关于修改《X》的决定), `amended` —
 *   `by` names that document;
 * - its own term (有效期5年 from its date of effect or its date, 有效期至…, a 失效日期 field):
 *   `expired` once ended, else `in-force` until then;
 * - its date of effect: `not-yet-in-force` before it; after it, with no later act known,
 *   `in-force`;
 * - what its page or database states (时效性：现行有效, status: 已废止).
 * Evidence that it is in force and evidence that it is not, side by side, give `unknown`, as
 * does no evidence: the page says why.
 */
import type { FactsInput, PartialDate, Validity } from "../model/circular.ts";
import type { CitationGraph } from "./citationGraph.ts";
import type { VersionChain } from "./versions.ts";
import { versionStem } from "./titles.ts";
import { compactKey } from "../text/keys.ts";

/** The date statuses are read as of: AS_OF=YYYY-MM-DD, else the day of the build. */
export function asOfDate(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.AS_OF;
  if (given && /^\d{4}-\d{2}-\d{2}$/.test(given)) return given;
  return new Date().toISOString().slice(0, 10);
}

const fullDate = (d: PartialDate | null | undefined): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d);

/** The last day of a term of `months` starting on `start`: 2015-03-01 + 5 years → 2020-02-29. */
export function termEnd(start: string, months: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const dayAfter = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

interface Later {
  doc: FactsInput;
  how: "repeals" | "amends" | "version";
}

/** What in the library repeals or amends each document: documents that say so, and later versions. */
export function laterActs(
  docs: FactsInput[],
  graph: Pick<CitationGraph, "cites">,
  versions: Map<string, VersionChain>,
): Map<string, Later[]> {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const out = new Map<string, Later[]>();
  const add = (id: string, later: Later) => {
    const list = out.get(id) ?? out.set(id, []).get(id)!;
    if (!list.some((l) => l.doc.id === later.doc.id)) list.push(later);
  };
  for (const doc of docs) {
    for (const c of graph.cites.get(doc.id) ?? []) {
      if (c.targetId && (c.citation.relation === "repeals" || c.citation.relation === "amends"))
        add(c.targetId, { doc, how: c.citation.relation });
    }
    // A dated version is replaced by the next dated one — not one year's 工作要点 by the next
    // year's (a series, whose titles carry their years: each ends with its year).
    const series = compactKey(doc.title).replace(/^中华人民共和国/, "") !== versionStem(doc.title);
    const chain = series
      ? []
      : (versions
          .get(doc.id)
          ?.docIds.map((id) => byId.get(id)!)
          .filter((d) => d.date) ?? []);
    const at = chain.findIndex((d) => d.id === doc.id);
    if (at >= 0 && at + 1 < chain.length && chain[at + 1]!.date! > doc.date!)
      add(doc.id, { doc: chain[at + 1]!, how: "version" });
  }
  return out;
}

/** One document's 时效性 as of `asOf`. */
export function validityOf(doc: FactsInput, later: Later[], asOf: string): Validity {
  const none = (rule: string): Validity => ({
    status: "unknown",
    since: null,
    until: null,
    by: null,
    provenance: { from: "none", rule, line: null },
  });
  const stated = doc.statedValidity;
  const statedEvidence = stated
    ? {
        from: stated.evidence.from === "database" ? ("database" as const) : ("portal-field" as const),
        rule: `${stated.evidence.rule}：“${stated.text}”`,
        line: stated.evidence.line,
      }
    : null;

  // What the library says: repealed before amended, the earliest act first.
  const since = (d: FactsInput) => d.effective ?? d.date;
  const acts = later
    .filter((l) => !since(l.doc) || since(l.doc)! <= asOf)
    .sort((a, b) => (since(a.doc) ?? "").localeCompare(since(b.doc) ?? ""));
  const repeal = acts.find((l) => l.how === "repeals");
  const amend = acts.find((l) => l.how !== "repeals");
  const act = repeal ?? amend;
  let fromLibrary: Validity | null = null;
  if (act) {
    const how =
      act.how === "repeals"
        ? `《${act.doc.title}》废止本件`
        : act.how === "amends"
          ? `《${act.doc.title}》修改本件`
          : `库中有本件的新版本《${act.doc.title}》（${act.doc.date}）`;
    fromLibrary = {
      status: act.how === "repeals" ? "repealed" : "amended",
      since: since(act.doc),
      until: null,
      by: act.doc.id,
      provenance: { from: "library", rule: how, line: null },
    };
  }

  // Its own term.
  const term = doc.validityTerm;
  const start = doc.effective ?? doc.date;
  const end = term ? (term.until ?? (term.months && fullDate(start) ? termEnd(start, term.months) : null)) : null;
  let fromTerm: Validity | null = null;
  if (term && end) {
    const rule = `第 ${term.line} 行“${term.text}”${term.until ? "" : `，自 ${start} 起算，至 ${end}`}`;
    fromTerm =
      end < asOf
        ? {
            status: "expired",
            since: dayAfter(end),
            until: end,
            by: null,
            provenance: { from: "term", rule, line: term.line },
          }
        : {
            status: "in-force",
            since: null,
            until: end,
            by: null,
            provenance: { from: "term", rule, line: term.line },
          };
  }

  // Its date of effect.
  let fromEffect: Validity | null = null;
  if (fullDate(doc.effective)) {
    const rule = `施行日期 ${doc.effective}`;
    fromEffect =
      doc.effective > asOf
        ? {
            status: "not-yet-in-force",
            since: null,
            until: null,
            by: null,
            provenance: {
              from: "effective",
              rule: `${rule}，晚于 ${asOf}`,
              line: doc.provenance.effective?.line ?? null,
            },
          }
        : {
            status: "in-force",
            since: doc.effective,
            until: null,
            by: null,
            provenance: {
              from: "effective",
              rule: `${rule}已过，库中未见此后废止或修改本件的文件`,
              line: doc.provenance.effective?.line ?? null,
            },
          };
  }

  // Not in force, by what the library, the term, the date of effect or the statement says; in force by what is left.
  const notInForce =
    [
      fromLibrary,
      fromTerm?.status === "expired" ? fromTerm : null,
      fromEffect?.status === "not-yet-in-force" ? fromEffect : null,
    ].find((v) => v) ?? null;
  const statedView: Validity | null =
    stated && statedEvidence
      ? { status: stated.status, since: null, until: null, by: null, provenance: statedEvidence }
      : null;
  if (notInForce) {
    if (statedView?.status === "in-force")
      return none(`时效证据相互矛盾：${statedView.provenance.rule}，而${notInForce.provenance.rule}`);
    return notInForce;
  }
  if (statedView && statedView.status !== "in-force") {
    // Stated as not in force, while its term has not ended: the two disagree.
    if (fromTerm?.status === "in-force")
      return none(`时效证据相互矛盾：${statedView.provenance.rule}，而${fromTerm.provenance.rule}`);
    return statedView;
  }
  const inForce = statedView ?? fromTerm ?? fromEffect;
  if (inForce)
    return {
      ...inForce,
      until: inForce.until ?? fromTerm?.until ?? null,
      since: inForce.since ?? fromEffect?.since ?? null,
    };
  return none("时效不详：库中无废止或修改本件的文件，正文未载有效期、施行日期，网站或数据库也未标明时效");
}

/** Every document's 时效性. */
export function validities(
  docs: FactsInput[],
  graph: Pick<CitationGraph, "cites">,
  versions: Map<string, VersionChain>,
  asOf: string,
): Map<string, Validity> {
  const later = laterActs(docs, graph, versions);
  return new Map(docs.map((d) => [d.id, validityOf(d, later.get(d.id) ?? [], asOf)]));
}

const STANDING: Record<Validity["status"], number> = {
  "in-force": 0,
  "not-yet-in-force": 1,
  unknown: 2,
  amended: 3,
  expired: 3,
  repealed: 3,
};

/**
 * Documents in force first, then those not yet in force, unknown, and no longer in force; otherwise in the order given.
 */
export function inForceFirst<T extends { id: string }>(docs: T[], validity: Map<string, Validity>): T[] {
  return docs
    .map((d, i) => ({ d, i, r: STANDING[validity.get(d.id)?.status ?? "unknown"] }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.d);
}
