-- Per-chat order of outbound messages (#6): the conversation a message goes to and its place
-- in the queue. Existing rows get sequence numbers in no particular order and no conversation,
-- so they never hold a newer message back.
-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "conversation" TEXT,
ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE INDEX "Delivery_conversation_seq_idx" ON "Delivery"("conversation", "seq");
