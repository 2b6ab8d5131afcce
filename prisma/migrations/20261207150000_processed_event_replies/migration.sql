-- The replies an event's transaction made, stored with its ProcessedEvent row (#16): a worker
-- killed between the commit and queueing them leaves them for the job's retry. Nullable, no
-- default: a catalog change only, no table rewrite.
-- AlterTable
ALTER TABLE "ProcessedEvent" ADD COLUMN     "replies" JSONB;
