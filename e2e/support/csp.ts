// Content-Security-Policy violations a page reports, from both of Chromium's channels: the
// securitypolicyviolation event (set up before any script of the page runs) and the console
// ("Refused to load ... because it violates the following Content Security Policy directive"),
// and the console's complaints about the policy headers themselves (an unknown Permissions-Policy
// feature).
import { expect, type Page } from "@playwright/test";

export function watchCsp(page: Page): { violations: () => Promise<string[]> } {
  const fromConsole: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy|Permissions-Policy/i.test(message.text())) fromConsole.push(`${page.url()}: ${message.text()}`);
  });
  void page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __cspViolations: string[] }).__cspViolations = []);
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`));
  });
  return {
    violations: async () => {
      const inPage = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).catch(() => []);
      return [...fromConsole, ...inPage.map((v) => `${page.url()}: ${v}`)];
    },
  };
}

export async function expectNoCspViolations(csp: { violations: () => Promise<string[]> }) {
  expect(await csp.violations(), "CSP violations").toEqual([]);
}
