/** The colours of highlighted code, as classes (src/site/highlight.ts). */
import { codeCss } from "../../site/highlight.ts";
export const GET = async () =>
  new Response(await codeCss(), { headers: { "content-type": "text/css; charset=utf-8" } });
