-- When a customer came from a spreadsheet import (issue #12.10): imported customers are existing
-- business and are not counted as new customers. Customers imported before this column existed
-- cannot be told apart and stay unmarked.
-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "importedAt" TIMESTAMP(3);
