// A REST route is data: method, path, zod schemas, and a handler over a domain function. The
// dispatcher validates with the schemas; the OpenAPI document is generated from the same ones.
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import type { Logger } from "../log";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

export type RouteContext<P, Q, B> = {
  actor: Actor;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  requestId: string;
  log: Logger;
};

export type RestRoute<
  P extends z.ZodObject | undefined = z.ZodObject | undefined,
  Q extends z.ZodObject | undefined = z.ZodObject | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType | undefined = z.ZodType | undefined,
> = {
  method: HttpMethod;
  /** OpenAPI style: /projects/{projectSlug}/members */
  path: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The success body's schema; undefined for 204 No Content. */
  response: R;
  status?: 200 | 201 | 204;
  handler: (ctx: RouteContext<P, Q, B>) => Promise<R extends z.ZodType ? z.input<R> : void>;
};

export function defineRoute<
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
>(route: RestRoute<P, Q, B, R>): RestRoute {
  return route as unknown as RestRoute;
}
