// S3 lists keys in UTF-8 byte order. JavaScript's `<` compares UTF-16 code units, which agrees
// with it except where a surrogate pair (emoji, rare CJK) meets a character from U+E000 to U+FFFF;
// only then are the bytes compared.
const SURROGATE = /[\uD800-\uDFFF]/;

export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  if (SURROGATE.test(a) || SURROGATE.test(b)) return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
  return a < b ? -1 : 1;
}
