import { TOPICS } from "../config/topics.ts";
import { corpus } from "../site/corpus.ts";
import { sitemap } from "../site/exports.ts";
import { urls } from "../site/urls.ts";
import { departmentsByJurisdiction } from "../site/departments.ts";
export const GET = ({ site }: { site: URL }) => {
  const index = corpus();
  const paths = [
    "/", "/circulars/", "/topics/", "/regions/", "/years/", "/departments/", "/citations/", "/data/", "/search/", "/kinds/",
    ...index.docs.map((d) => `/circulars/${d.id}/`),
    ...TOPICS.filter((t) => index.topicClauses.get(t.slug)!.length).map((t) => `/topics/${t.slug}/`),
    ...[...index.regions.keys()].map((c) => `/regions/${c}/`),
    ...[...index.years.keys()].map((y) => `/years/${y}/`),
    ...[...departmentsByJurisdiction(index).keys()].map((c) => `/departments/${c}/`),
    ...index.kinds.map((k) => `/kinds/${k.slug}/`),
  ];
  return new Response(sitemap(paths, (p) => new URL(urls.url(p), site).href), { headers: { "content-type": "application/xml; charset=utf-8" } });
};
