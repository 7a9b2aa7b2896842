-- AlterTable
ALTER TABLE "Pool" ADD COLUMN     "jobNetwork" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Agent" ADD COLUMN     "jobSandbox" BOOLEAN,
ADD COLUMN     "jobUser" TEXT,
ADD COLUMN     "jobUserSeparate" BOOLEAN NOT NULL DEFAULT false;
