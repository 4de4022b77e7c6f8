/** Character n-grams of a key (code points, so characters outside the BMP count once). */

export function ngrams(key: string, n: number): string[] {
  const chars = [...key];
  const out: string[] = [];
  for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(""));
  return out;
}

export const bigrams = (key: string): string[] => ngrams(key, 2);
