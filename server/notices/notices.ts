// Notices: what one person is told in the app (a budget threshold crossed). A person sees and marks
// only their own: every query filters by the caller's id.
import { db } from "../db/client";

export type NoticeView = { id: string; kind: string; text: string; href: string | null; createdAt: Date; readAt: Date | null };

export async function listNotices(args: { actorId: string; limit?: number }): Promise<{ notices: NoticeView[]; unread: number }> {
  const [notices, unread] = await Promise.all([
    db.notice.findMany({
      where: { userId: args.actorId },
      orderBy: { createdAt: "desc" },
      take: args.limit ?? 20,
      select: { id: true, kind: true, text: true, href: true, createdAt: true, readAt: true },
    }),
    db.notice.count({ where: { userId: args.actorId, readAt: null } }),
  ]);
  return { notices, unread };
}

/** Marks the caller's notices read: those with `ids`, or all of them. Others' ids are ignored. */
export async function markNoticesRead(args: { actorId: string; ids?: string[] }): Promise<{ marked: number }> {
  const { count } = await db.notice.updateMany({
    where: { userId: args.actorId, readAt: null, ...(args.ids ? { id: { in: args.ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { marked: count };
}
