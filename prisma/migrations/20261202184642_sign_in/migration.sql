-- AlterTable
ALTER TABLE "User" ADD COLUMN     "invitedAt" TIMESTAMP(3),
ADD COLUMN     "lastSignInAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "method" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "VerificationToken" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "supersededAt" TIMESTAMP(3),
ADD COLUMN     "usedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SignInRequest" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "client" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SignInRequest_email_createdAt_idx" ON "SignInRequest"("email", "createdAt");

-- CreateIndex
CREATE INDEX "SignInRequest_client_createdAt_idx" ON "SignInRequest"("client", "createdAt");

-- CreateIndex
CREATE INDEX "SignInRequest_createdAt_idx" ON "SignInRequest"("createdAt");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- Sign-in becomes invite-only with this release. Everyone who already has an account keeps it:
-- they count as invited. Their last sign-in is taken from the audit log, for the people page.
UPDATE "User" SET "invitedAt" = "createdAt";
UPDATE "User" u SET "lastSignInAt" = s.at
  FROM (SELECT "actorId", max("createdAt") AS at FROM "AuditEvent" WHERE action = 'user.signed_in' GROUP BY "actorId") s
  WHERE s."actorId" = u.id;

-- Links asked for before this release were good for a day; they are ended, so every live link
-- follows the new rules (15 minutes, one use).
DELETE FROM "VerificationToken";
