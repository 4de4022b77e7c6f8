/** Links under the site's base path (BASE_PATH at build time). */
const BASE = (import.meta.env?.BASE_URL ?? "/").replace(/\/?$/, "/");

export function url(path: string): string {
  return BASE + path.replace(/^\//, "");
}

export const circularUrl = (id: string) => url(`/circulars/${id}/`);
export const clauseUrl = (docId: string, clauseId: string) => `${circularUrl(docId)}#${clauseId}`;
export const topicUrl = (slug: string) => url(`/topics/${slug}/`);
export const regionUrl = (code: string) => url(`/regions/${code}/`);
export const yearUrl = (year: string) => url(`/years/${year}/`);
/** A department is an anchor on its jurisdiction's page; its slug is d + the jurisdiction code + a hash. */
export const departmentUrl = (slug: string) => url(`/departments/${slug.slice(1, 7)}/#${slug}`);
export const stubUrl = (slug: string) => url(`/citations/#${slug}`);
export const docJsonUrl = (id: string) => url(`/data/circulars/${id}.json`);
export const sourceTextUrl = (id: string) => url(`/data/sources/${id}.txt`);
export const compareUrl = (...ids: string[]) => url(`/compare/?${ids.map((id, i) => `${"abc"[i]}=${id}`).join("&")}`);
