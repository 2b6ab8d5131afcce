-- Customer name keys fold Traditional into Simplified characters (issue #11: 匯豐銀行 typed in
-- Hong Kong is the 汇丰银行 typed in Shenzhen). Rows keyed before are version 1 and are keyed
-- again by the housekeeping job (src/domain/rekey.ts), and rows written from now on are version 2.
-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "keysVersion" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Customer" ALTER COLUMN "keysVersion" SET DEFAULT 2;
