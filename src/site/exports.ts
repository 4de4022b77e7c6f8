/** Open-data exports built from the models (pure functions, tested directly). */
import type { CircularMeta } from "../model/circular.ts";
import { clausesOf } from "../model/clauses.ts";
import type { DocumentTopics } from "../corpus/topics.ts";
import { jurisdictionText } from "../model/display.ts";
import { siteUrls } from "../config/urls.ts";

/**
 * A document's entry in the catalogue (circulars.json): what identifies and places it, its
 * topics, and where its whole model and its source text are. The catalogue carries no text,
 * so it stays small enough to download whole at any size of library (every model in one
 * array was 500 MB at 10,000 circulars).
 */
export function catalogueEntry(
  d: CircularMeta,
  topics: DocumentTopics,
  urls: { circular: (id: string) => string; docJson: (id: string) => string; sourceText: (id: string) => string },
) {
  return {
    id: d.id,
    title: d.title,
    issuers: d.issuers,
    genre: d.genre,
    docNumber: d.docNumber,
    date: d.date,
    published: d.published,
    effective: d.effective,
    jurisdiction: d.jurisdiction,
    topics,
    clauses: clausesOf(d).length,
    url: urls.circular(d.id),
    data: urls.docJson(d.id),
    source: urls.sourceText(d.id),
  };
}

/** A response whose body is encoded piece by piece as it is read, never held as one string. */
export function streamedResponse(pieces: Iterable<string>, contentType: string): Response {
  const iterator = pieces[Symbol.iterator]();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, { headers: { "content-type": contentType } });
}

/** A partial date (YYYY, YYYY-MM, YYYY-MM-DD) as an RFC 3339 timestamp at its start. */
export function isoTimestamp(date: string | null): string {
  const [y = "1970", m = "01", d = "01"] = (date ?? "").split("-").filter(Boolean);
  return `${y}-${m}-${d}T00:00:00Z`;
}

/**
 * Text as XML character data: markup characters escaped, and characters XML 1.0 does not
 * allow at all (C0 controls but tab and newlines, lone surrogates, U+FFFE/U+FFFF) replaced
 * by U+FFFD — one such character in a title would make the whole feed unreadable.
 */
const XML_CONTROL = String.raw`[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]`;
const LONE_HIGH_SURROGATE = String.raw`[\uD800-\uDBFF](?![\uDC00-\uDFFF])`;
const LONE_LOW_SURROGATE = String.raw`(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`;
/** A feed entry's summary: 文号 · place · clause count. */
const feedSummary = (d: CircularMeta) =>
  [d.docNumber, jurisdictionText(d.jurisdiction), `${clausesOf(d).length} 个条款`].filter(Boolean).join(" · ");
export const xml = (s: string): string =>
  s
    .replace(new RegExp(`${XML_CONTROL}|${LONE_HIGH_SURROGATE}|${LONE_LOW_SURROGATE}`, "g"), "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/** Paths of the site at its root (config/urls.ts), which `absolute` puts under the site's address and base. */
const root = siteUrls("/");

/**
 * How many documents the feed holds, newest first: a reader polls it for what is new (the whole library at 10,000
 * documents was a 4.5 MB feed, fetched whole on every poll); the library itself is in the sitemap and the open data.
 */
export const FEED_ENTRIES = 100;

export function atomFeed(
  docs: CircularMeta[],
  siteUrl: string,
  absolute: (path: string) => string,
  updated: string,
): string {
  const sorted = [...docs].sort((a, b) => (b.published ?? b.date ?? "").localeCompare(a.published ?? a.date ?? ""));
  const entries = sorted.slice(0, FEED_ENTRIES).map(
    (d) => `  <entry>
    <title>${xml(d.title)}</title>
    <id>${xml(absolute(root.circular(d.id)))}</id>
    <link href="${xml(absolute(root.circular(d.id)))}"/>
    <updated>${isoTimestamp(d.published ?? d.date)}</updated>
    <author><name>${xml(d.issuers.join("、") || "未署")}</name></author>
    <summary>${xml(feedSummary(d))}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <title>安全生产政策文件库</title>
  <id>${xml(siteUrl)}</id>
  <link rel="self" href="${xml(absolute(root.url("/feed.xml")))}"/>
  <link href="${xml(absolute(root.base))}"/>
  <updated>${updated}</updated>
${entries.join("\n")}
</feed>
`;
}

export function sitemap(paths: string[], absolute: (path: string) => string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${paths.map((p) => `  <url><loc>${xml(absolute(p))}</loc></url>`).join("\n")}
</urlset>
`;
}
