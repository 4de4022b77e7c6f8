/**
 * Imported first by browser code that validates models: zod compiles validators with
 * `new Function` unless told not to, and even its probe for that is a violation under a
 * portal's Content-Security-Policy (no 'unsafe-eval'). Schemas read the setting when they
 * are built, so this must run before model/circular.ts is evaluated.
 */
import { config } from "zod";

config({ jitless: true });
