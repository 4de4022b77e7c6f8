/** The site's URLs under the base path it is built for (BASE_PATH, through Astro's BASE_URL). */
import { siteUrls } from "../config/urls.ts";

export const urls = siteUrls(import.meta.env?.BASE_URL);

/** Years as lists link them, with their documents' count: 2019年（4）. */
export const yearItems = (years: Array<[string, unknown[]]>) =>
  years.map(([y, ids]) => ({ href: urls.year(y), name: `${y}年`, count: ids.length }));
