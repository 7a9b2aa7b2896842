-- AlterEnum
ALTER TYPE "AttemptState" ADD VALUE 'refused';
