/**
 * Every URL of the site, built in one place for pages, scripts and browser code, under a
 * base path normalised once (a portal hosts the site at "/" or at a sub-path).
 * Browser-safe: no Node APIs.
 */

/** "/", "gov/policy", "/gov/policy/" → "/gov/policy/". */
export function normalizeBase(raw: string | undefined = "/"): string {
  const trimmed = raw.replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/** The origin absolute URLs are made with (SITE_URL): a placeholder until a portal sets it. */
export const siteOrigin = (raw: string | undefined): string => raw || "https://policy.example.gov.cn";

export type SiteUrls = ReturnType<typeof siteUrls>;

export function siteUrls(rawBase?: string) {
  const base = normalizeBase(rawBase);
  const url = (path: string) => base + path.replace(/^\//, "");
  const circular = (id: string) => url(`/circulars/${id}/`);
  return {
    base,
    url,
    circular,
    /** A clause or section of a circular: its page and anchor. */
    clause: (docId: string, anchor: string) => (anchor ? `${circular(docId)}#${anchor}` : circular(docId)),
    topic: (slug: string) => url(`/topics/${slug}/`),
    /** A topic's clauses of one year ("undated": of no known date). */
    topicYear: (slug: string, year: string) => url(`/topics/${slug}/${year}/`),
    region: (code: string) => url(`/regions/${code}/`),
    year: (year: string) => url(`/years/${year}/`),
    /** The departments of one jurisdiction, each an anchor on the page. */
    departments: (code: string) => url(`/departments/${code}/`),
    /** A department is an anchor on its jurisdiction's page, named by the department's name. */
    department: (code: string | null, anchor: string) =>
      url(`/departments/${code ?? "000000"}/#${anchor.replace(/[#%?"<>\s]/g, encodeURIComponent)}`),
    stub: (slug: string) => url(`/citations/#${slug}`),
    docJson: (id: string) => url(`/data/circulars/${id}.json`),
    sourceText: (id: string) => url(`/data/sources/${id}.txt`),
    compare: (...ids: string[]) => url(`/compare/?${ids.map((id, i) => `${"abc"[i]}=${id}`).join("&")}`),
    /** The version diff from an older document to a newer one. */
    versionDiff: (older: string, newer: string) => url(`/compare/?a=${older}&b=${newer}&mode=diff`),
    /** The 摘编 basket. */
    basket: () => url("/basket/"),
    kinds: () => url("/kinds/"),
    kind: (slug: string) => url(`/kinds/${slug}/`),
    /** Files of the search index (the phrase index and its tables). */
    searchData: (path: string) => url(`/search-data/${path}`),
    /** The traditional → simplified table, fetched by browser code that meets traditional script. */
    scriptTable: () => url("/data/t2s.json"),
    /** The library's bigram frequencies, fetched by the compare page. */
    idfTable: () => url("/data/idf.json"),
  };
}
