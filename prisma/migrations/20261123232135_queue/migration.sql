-- CreateEnum
CREATE TYPE "PoolKind" AS ENUM ('agents', 'slurm', 'kubernetes', 'sagemaker');

-- CreateEnum
CREATE TYPE "JobState" AS ENUM ('queued', 'starting', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out');

-- CreateEnum
CREATE TYPE "JobPriority" AS ENUM ('low', 'normal', 'high');

-- CreateEnum
CREATE TYPE "AttemptState" AS ENUM ('assigned', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out', 'lost');

-- CreateEnum
CREATE TYPE "NodeState" AS ENUM ('assigned', 'running', 'ended');

-- CreateTable
CREATE TABLE "Pool" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PoolKind" NOT NULL DEFAULT 'agents',
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Pool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agent" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "poolId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "tokenPrefix" TEXT NOT NULL,
    "hostname" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "gpuType" TEXT,
    "gpus" JSONB NOT NULL DEFAULT '[]',
    "gpuStats" JSONB NOT NULL DEFAULT '[]',
    "simulated" BOOLEAN NOT NULL DEFAULT false,
    "cpuSlots" INTEGER NOT NULL DEFAULT 0,
    "draining" BOOLEAN NOT NULL DEFAULT false,
    "version" TEXT NOT NULL DEFAULT '',
    "registeredAt" TIMESTAMP(3),
    "lastHeartbeatAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Agent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Snapshot" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "fileCount" INTEGER NOT NULL,
    "totalBytes" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "submittedById" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "command" TEXT NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "nodes" INTEGER NOT NULL DEFAULT 1,
    "gpusPerNode" INTEGER NOT NULL DEFAULT 0,
    "gpuType" TEXT,
    "memoryMb" INTEGER,
    "maxRuntimeSeconds" INTEGER NOT NULL,
    "priority" "JobPriority" NOT NULL DEFAULT 'normal',
    "maxRetries" INTEGER NOT NULL DEFAULT 0,
    "pools" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "env" JSONB NOT NULL DEFAULT '{}',
    "graceSeconds" INTEGER NOT NULL DEFAULT 30,
    "state" "JobState" NOT NULL DEFAULT 'queued',
    "stateReason" TEXT NOT NULL DEFAULT '',
    "queuePosition" INTEGER,
    "estimatedStartAt" TIMESTAMP(3),
    "logLineCount" INTEGER NOT NULL DEFAULT 0,
    "attemptCount" INTEGER NOT NULL DEFAULT 0,
    "failedAttempts" INTEGER NOT NULL DEFAULT 0,
    "lostAttempts" INTEGER NOT NULL DEFAULT 0,
    "exitCode" INTEGER,
    "rerunOfId" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "cancelRequestedAt" TIMESTAMP(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attempt" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "state" "AttemptState" NOT NULL DEFAULT 'assigned',
    "reason" TEXT NOT NULL DEFAULT '',
    "exitCode" INTEGER,
    "masterAddr" TEXT,
    "masterPort" INTEGER,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "Attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttemptNode" (
    "id" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "nodeRank" INTEGER NOT NULL,
    "agentId" TEXT NOT NULL,
    "gpuIndices" INTEGER[],
    "cpuSlot" BOOLEAN NOT NULL DEFAULT false,
    "state" "NodeState" NOT NULL DEFAULT 'assigned',
    "fencingToken" BIGINT,
    "claimedAt" TIMESTAMP(3),
    "heartbeatAt" TIMESTAMP(3),
    "exitCode" INTEGER,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "AttemptNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GpuClaim" (
    "agentId" TEXT NOT NULL,
    "gpuIndex" INTEGER NOT NULL,
    "attemptNodeId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GpuClaim_pkey" PRIMARY KEY ("agentId","gpuIndex")
);

-- CreateTable
CREATE TABLE "LogChunk" (
    "id" BIGSERIAL NOT NULL,
    "jobId" TEXT NOT NULL,
    "attemptNumber" INTEGER NOT NULL,
    "nodeRank" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "firstLine" INTEGER NOT NULL,
    "lineCount" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LogChunk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricPoint" (
    "id" BIGSERIAL NOT NULL,
    "jobId" TEXT NOT NULL,
    "attemptNumber" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "step" INTEGER,
    "value" DOUBLE PRECISION NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Artifact" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "attemptNumber" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Artifact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Checkpoint" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "attemptNumber" INTEGER NOT NULL,
    "manifestKey" TEXT NOT NULL,
    "fileCount" INTEGER NOT NULL,
    "totalBytes" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Checkpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageRecord" (
    "id" BIGSERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "gpuSeconds" DOUBLE PRECISION NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsageRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Pool_name_key" ON "Pool"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Agent_name_key" ON "Agent"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Agent_tokenHash_key" ON "Agent"("tokenHash");

-- CreateIndex
CREATE INDEX "Job_projectId_submittedAt_idx" ON "Job"("projectId", "submittedAt" DESC);

-- CreateIndex
CREATE INDEX "Job_state_submittedAt_idx" ON "Job"("state", "submittedAt");

-- CreateIndex
CREATE INDEX "Attempt_state_idx" ON "Attempt"("state");

-- CreateIndex
CREATE UNIQUE INDEX "Attempt_jobId_number_key" ON "Attempt"("jobId", "number");

-- CreateIndex
CREATE INDEX "AttemptNode_agentId_state_idx" ON "AttemptNode"("agentId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "AttemptNode_attemptId_nodeRank_key" ON "AttemptNode"("attemptId", "nodeRank");

-- CreateIndex
CREATE INDEX "GpuClaim_attemptNodeId_idx" ON "GpuClaim"("attemptNodeId");

-- CreateIndex
CREATE INDEX "LogChunk_jobId_firstLine_idx" ON "LogChunk"("jobId", "firstLine");

-- CreateIndex
CREATE UNIQUE INDEX "LogChunk_jobId_attemptNumber_nodeRank_seq_key" ON "LogChunk"("jobId", "attemptNumber", "nodeRank", "seq");

-- CreateIndex
CREATE INDEX "MetricPoint_jobId_key_id_idx" ON "MetricPoint"("jobId", "key", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Artifact_jobId_path_key" ON "Artifact"("jobId", "path");

-- CreateIndex
CREATE INDEX "Checkpoint_jobId_createdAt_idx" ON "Checkpoint"("jobId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "UsageRecord_at_idx" ON "UsageRecord"("at");

-- AddForeignKey
ALTER TABLE "Agent" ADD CONSTRAINT "Agent_poolId_fkey" FOREIGN KEY ("poolId") REFERENCES "Pool"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Snapshot" ADD CONSTRAINT "Snapshot_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "Snapshot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attempt" ADD CONSTRAINT "Attempt_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttemptNode" ADD CONSTRAINT "AttemptNode_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttemptNode" ADD CONSTRAINT "AttemptNode_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GpuClaim" ADD CONSTRAINT "GpuClaim_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GpuClaim" ADD CONSTRAINT "GpuClaim_attemptNodeId_fkey" FOREIGN KEY ("attemptNodeId") REFERENCES "AttemptNode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LogChunk" ADD CONSTRAINT "LogChunk_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricPoint" ADD CONSTRAINT "MetricPoint_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Artifact" ADD CONSTRAINT "Artifact_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Checkpoint" ADD CONSTRAINT "Checkpoint_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageRecord" ADD CONSTRAINT "UsageRecord_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageRecord" ADD CONSTRAINT "UsageRecord_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: partial indexes Prisma's schema language cannot express. db:check ignores
-- indexes whose name ends in _partial.
-- The scheduler reads only queued jobs; a partial index keeps that read small however many
-- jobs have ever run (STYLE.md: without it, Postgres may walk the primary key after ANALYZE).
CREATE INDEX "Job_queued_partial" ON "Job" ("submittedAt", "id") WHERE "state" = 'queued';
-- Agents claim only assigned nodes.
CREATE INDEX "AttemptNode_assigned_partial" ON "AttemptNode" ("agentId") WHERE "state" = 'assigned';
-- The sweep looks for running nodes whose heartbeat stopped.
CREATE INDEX "AttemptNode_live_partial" ON "AttemptNode" ("heartbeatAt") WHERE "state" <> 'ended';
-- Fencing tokens for leases: every claim takes the next value, so a later holder always carries
-- a larger token than any earlier one.
CREATE SEQUENCE "benchtop_fencing_seq";
