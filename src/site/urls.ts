/** Links under the site's base path (BASE_PATH at build time). */
const BASE = (import.meta.env?.BASE_URL ?? "/").replace(/\/?$/, "/");

export function url(path: string): string {
  return BASE + path.replace(/^\//, "");
}

export const circularUrl = (id: string) => url(`/circulars/${id}/`);
export const clauseUrl = (docId: string, clauseId: string) => `${circularUrl(docId)}#${clauseId}`;
