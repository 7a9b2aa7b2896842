// Cookie-authenticated API calls from a test, as the browser makes them. Playwright's request
// context sends the page's cookies but no Origin header, and Benchtop refuses a cookie mutation
// without one (server/http/csrf.ts), so mutations here carry the Origin of Benchtop's own pages.
import { test, type APIRequestContext, type Page } from "@playwright/test";

type Options = NonNullable<Parameters<APIRequestContext["fetch"]>[1]>;

export function appRequest(page: Page) {
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const send = (method: string) => (url: string, options: Options = {}) =>
    page.request.fetch(url, { ...options, method, headers: { origin, ...options.headers } });
  return { post: send("POST"), put: send("PUT"), patch: send("PATCH"), delete: send("DELETE") };
}
