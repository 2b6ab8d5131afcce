-- A contact who changed jobs (issue #11: 王静跳槽了，现在是顺丰的采购总监) is added at the new
-- customer, and the row at the old one is kept with the day they left.
-- AlterTable
ALTER TABLE "Contact" ADD COLUMN "leftAt" TIMESTAMP(3);
