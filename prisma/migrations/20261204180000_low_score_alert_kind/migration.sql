-- Low-score alerts get their own reminder kind and point at their callback (issue #12.8), they
-- were callback reminders marked by a note 'alert:<callbackId>'. Existing rows are moved by the
-- next migration: a new enum value cannot be used in the transaction that adds it.
-- AlterEnum
ALTER TYPE "ReminderKind" ADD VALUE 'low_score_alert';

-- AlterTable
ALTER TABLE "Reminder" ADD COLUMN     "callbackId" TEXT;
