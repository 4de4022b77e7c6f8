/** The generated MDX pages (npm run ingest) as a content collection. */
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

const circulars = defineCollection({
  loader: glob({ pattern: "*.mdx", base: `${process.env.INGEST_OUT ?? "./content"}/circulars` }),
  // Frontmatter mirrors the model's metadata; the model itself is validated at ingest.
  schema: z.object({ id: z.string(), title: z.string(), clauseCount: z.number() }).passthrough(),
});

export const collections = { circulars };
