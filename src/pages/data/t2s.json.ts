/** The traditional → simplified table browser code folds texts with (fetched only for traditional script). */
import { SCRIPT_TABLE } from "../../text/keys.ts";
export const GET = () =>
  new Response(JSON.stringify(SCRIPT_TABLE), { headers: { "content-type": "application/json; charset=utf-8" } });
