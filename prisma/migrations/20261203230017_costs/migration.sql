-- CreateEnum
CREATE TYPE "RateKind" AS ENUM ('owned', 'on_demand', 'spot');

-- CreateEnum
CREATE TYPE "BudgetPolicy" AS ENUM ('warn', 'hold', 'stop');

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "approvedAt" TIMESTAMP(3),
ADD COLUMN     "approvedById" TEXT,
ADD COLUMN     "heldAt" TIMESTAMP(3),
ADD COLUMN     "heldReason" TEXT,
ADD COLUMN     "seeded" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "AttemptNode" ADD COLUMN     "meteredUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "LabSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LabSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rate" (
    "id" TEXT NOT NULL,
    "poolId" TEXT NOT NULL,
    "gpuType" TEXT,
    "kind" "RateKind" NOT NULL DEFAULT 'owned',
    "hourly" DECIMAL(14,4) NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "source" TEXT NOT NULL DEFAULT '',
    "amortisation" JSONB,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" BIGSERIAL NOT NULL,
    "attemptNodeId" TEXT NOT NULL,
    "minute" INTEGER NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "jobId" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "poolId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "gpuType" TEXT,
    "gpus" INTEGER NOT NULL,
    "rateId" TEXT,
    "hourly" DECIMAL(14,4) NOT NULL,
    "amount" DECIMAL(18,6) NOT NULL,
    "seeded" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerDay" (
    "day" DATE NOT NULL,
    "projectId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "poolId" TEXT NOT NULL,
    "gpuType" TEXT NOT NULL,
    "amount" DECIMAL(20,6) NOT NULL,
    "seconds" DECIMAL(20,3) NOT NULL,
    "seeded" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "LedgerDay_pkey" PRIMARY KEY ("day","projectId","userId","poolId","gpuType","seeded")
);

-- CreateTable
CREATE TABLE "Budget" (
    "id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "projectId" TEXT,
    "amount" DECIMAL(14,2) NOT NULL,
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "thresholds" INTEGER[] DEFAULT ARRAY[50, 80, 100]::INTEGER[],
    "policy" "BudgetPolicy" NOT NULL DEFAULT 'warn',
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Budget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetAlert" (
    "id" TEXT NOT NULL,
    "budgetId" TEXT NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "threshold" INTEGER NOT NULL,
    "spent" DECIMAL(18,6) NOT NULL,
    "firedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BudgetAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "href" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Rate_poolId_gpuType_effectiveFrom_idx" ON "Rate"("poolId", "gpuType", "effectiveFrom" DESC);

-- CreateIndex
CREATE INDEX "LedgerEntry_startsAt_idx" ON "LedgerEntry"("startsAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_projectId_startsAt_idx" ON "LedgerEntry"("projectId", "startsAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_jobId_idx" ON "LedgerEntry"("jobId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_attemptNodeId_minute_key" ON "LedgerEntry"("attemptNodeId", "minute");

-- CreateIndex
CREATE UNIQUE INDEX "Budget_scope_key" ON "Budget"("scope");

-- CreateIndex
CREATE UNIQUE INDEX "Budget_projectId_key" ON "Budget"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "BudgetAlert_budgetId_periodStart_threshold_key" ON "BudgetAlert"("budgetId", "periodStart", "threshold");

-- CreateIndex
CREATE INDEX "Notice_userId_createdAt_idx" ON "Notice"("userId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "Rate" ADD CONSTRAINT "Rate_poolId_fkey" FOREIGN KEY ("poolId") REFERENCES "Pool"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Budget" ADD CONSTRAINT "Budget_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetAlert" ADD CONSTRAINT "BudgetAlert_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
