/** The site's URLs under the base path it is built for (BASE_PATH, through Astro's BASE_URL). */
import { siteUrls } from "../config/urls.ts";

export const urls = siteUrls(import.meta.env?.BASE_URL);
