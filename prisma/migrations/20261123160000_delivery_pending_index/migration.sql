-- A chat's pending messages by queue order (#6): with status in the index, finding the older
-- pending message of a long-lived chat no longer walks through everything it was ever sent.
-- DropIndex
DROP INDEX "Delivery_conversation_seq_idx";

-- CreateIndex
CREATE INDEX "Delivery_conversation_status_seq_idx" ON "Delivery"("conversation", "status", "seq");
