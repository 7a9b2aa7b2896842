-- Data belongs to projects (issue 8): snapshots registered per project, blobs a project holds,
-- location shares, masked and secret job env. Hand-edited: the backfills below run before
-- Snapshot."projectId" goes.

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "envAuthorId" TEXT,
ADD COLUMN     "secretEnv" BYTEA,
ADD COLUMN     "secretEnvNames" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "SnapshotProject" (
    "snapshotId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SnapshotProject_pkey" PRIMARY KEY ("snapshotId","projectId")
);

-- CreateTable
CREATE TABLE "ProjectBlob" (
    "projectId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectBlob_pkey" PRIMARY KEY ("projectId","sha256")
);

-- CreateTable
CREATE TABLE "LocationShare" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "prefix" TEXT NOT NULL DEFAULT '',
    "projectId" TEXT NOT NULL,
    "grantedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LocationShare_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SnapshotProject_projectId_idx" ON "SnapshotProject"("projectId");

-- CreateIndex
CREATE INDEX "LocationShare_projectId_idx" ON "LocationShare"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "LocationShare_storeId_bucket_prefix_projectId_key" ON "LocationShare"("storeId", "bucket", "prefix", "projectId");

-- AddForeignKey
ALTER TABLE "SnapshotProject" ADD CONSTRAINT "SnapshotProject_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "Snapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SnapshotProject" ADD CONSTRAINT "SnapshotProject_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectBlob" ADD CONSTRAINT "ProjectBlob_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocationShare" ADD CONSTRAINT "LocationShare_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "DataStore"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocationShare" ADD CONSTRAINT "LocationShare_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: each snapshot stays usable by the project that registered it, and each project holds
-- the blobs of its own file versions. (Blobs uploaded for CLI snapshots before this migration are
-- not known per project: the next `benchtop submit` of such a file uploads it once more.)
INSERT INTO "SnapshotProject" ("snapshotId", "projectId", "createdAt")
SELECT id, "projectId", "createdAt" FROM "Snapshot";

INSERT INTO "ProjectBlob" ("projectId", "sha256")
SELECT DISTINCT f."projectId", v.sha256 FROM "FileVersion" v JOIN "File" f ON f.id = v."fileId"
ON CONFLICT DO NOTHING;

-- DropForeignKey
ALTER TABLE "Snapshot" DROP CONSTRAINT "Snapshot_projectId_fkey";

-- AlterTable
ALTER TABLE "Snapshot" DROP COLUMN "projectId";
