// An amount as people read it ("$4.20", "€1,234.50"), for the server's sentences, the pages and the
// CLI alike. The amount is the API's decimal string, formatted exactly (Intl.NumberFormat v3 takes strings).
export type Money = { amount: string; currency: string };

/** `locale`: "en" unless given; a page passes `{}` for the reader's own. */
export function formatMoney(m: Money, { locale }: { locale?: string } = { locale: "en" }): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: m.currency }).format(m.amount as `${number}`);
}
