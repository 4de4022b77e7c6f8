import { TOPICS } from "../config/topics.ts";
import { corpus } from "../site/corpus.ts";
import { sitemap } from "../site/exports.ts";
import { urls } from "../site/urls.ts";
import { departmentsByJurisdiction } from "../site/departments.ts";
import { topicYears } from "../site/topicPages.ts";
export const GET = ({ site }: { site: URL }) => {
  const index = corpus();
  const lists = [
    "/",
    "/circulars/",
    "/topics/",
    "/regions/",
    "/years/",
    "/departments/",
    "/citations/",
    "/data/",
    "/search/",
  ];
  const paths = [
    ...lists.map((p) => urls.url(p)),
    urls.kinds(),
    ...index.docs.map((d) => urls.circular(d.id)),
    ...TOPICS.filter((t) => index.topicClauses.get(t.slug)!.length).flatMap((t) => [
      urls.topic(t.slug),
      ...topicYears(index, t.slug).map((y) => urls.topicYear(t.slug, y)),
    ]),
    ...[...index.jurisdictions.keys()].map((c) => urls.region(c)),
    ...[...index.years.keys()].map((y) => urls.year(y)),
    ...[...departmentsByJurisdiction(index).keys()].map((c) => urls.departments(c)),
    ...index.kinds.map((k) => urls.kind(k.slug)),
  ];
  return new Response(
    sitemap(paths, (p) => new URL(p, site).href),
    { headers: { "content-type": "application/xml; charset=utf-8" } },
  );
};
