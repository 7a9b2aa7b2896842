// What a sign-in leaves behind: the person's last sign-in, the audit event, and for an address in
// BENCHTOP_ADMIN_EMAILS the admin role (a fresh install's first admin comes in this way).
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { isBootstrapAdmin, signInPolicy } from "./sign-in-policy";

export async function recordSignIn(userId: string, method: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, labRole: true, external: true } });
    if (!user) return;
    const promote = isBootstrapAdmin(user.email, signInPolicy()) && (user.labRole !== "admin" || user.external);
    await tx.user.update({
      where: { id: userId },
      data: { lastSignInAt: new Date(), ...(promote ? { labRole: "admin", external: false } : {}) },
    });
    if (promote) {
      await recordAuditEvent(tx, {
        actorId: userId,
        action: "user.lab_role_changed",
        target: user.email,
        data: { from: user.labRole, to: "admin", reason: "BENCHTOP_ADMIN_EMAILS" },
      });
    }
    await recordAuditEvent(tx, { actorId: userId, action: "user.signed_in", data: { method } });
  });
}
