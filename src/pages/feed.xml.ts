import { allCirculars } from "../site/corpus.ts";
import { atomFeed, isoTimestamp } from "../site/exports.ts";
import { urls } from "../site/urls.ts";
export const GET = ({ site }: { site: URL }) => {
  const docs = allCirculars();
  const latest =
    docs
      .map((d) => d.published ?? d.date ?? "")
      .sort()
      .at(-1) || null;
  return new Response(
    atomFeed(docs, site.href, (p) => new URL(urls.url(p), site).href, isoTimestamp(latest)),
    { headers: { "content-type": "application/atom+xml; charset=utf-8" } },
  );
};
