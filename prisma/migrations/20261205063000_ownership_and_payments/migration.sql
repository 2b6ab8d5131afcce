-- Customer ownership (issue #14: the public pool, collaborators, transfers and their history)
-- and money (issue #15: stretch targets, contract amounts, commit, payment plans and 回款).

-- AlterEnum
ALTER TYPE "ReminderKind" ADD VALUE 'recycle_warning';
ALTER TYPE "ReminderKind" ADD VALUE 'payment_due';

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "pooledAt" TIMESTAMP(3);
-- Existing customers were assigned when they were created.
UPDATE "Customer" SET "assignedAt" = "createdAt";

-- AlterTable
ALTER TABLE "Deal" ADD COLUMN     "commit" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "contractAmount" DECIMAL(18,2);

-- AlterTable
ALTER TABLE "Target" ADD COLUMN     "stretch" DECIMAL(18,2);

-- CreateTable
CREATE TABLE "Collaborator" (
    "tenantId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "addedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Collaborator_pkey" PRIMARY KEY ("customerId","userId")
);

-- CreateTable
CREATE TABLE "OwnershipMove" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromUserId" TEXT,
    "toUserId" TEXT,
    "actorId" TEXT,
    "reason" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OwnershipMove_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OwnershipRequest" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "deciderId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "OwnershipRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Instalment" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    "dueDate" DATE,
    "paidAmount" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Instalment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "instalmentId" TEXT,
    "amount" DECIMAL(18,2) NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'CNY',
    "receivedAt" DATE NOT NULL,
    "userId" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Collaborator_tenantId_userId_idx" ON "Collaborator"("tenantId", "userId");

-- CreateIndex
CREATE INDEX "OwnershipMove_tenantId_customerId_at_idx" ON "OwnershipMove"("tenantId", "customerId", "at");

-- CreateIndex
CREATE INDEX "OwnershipMove_tenantId_kind_at_idx" ON "OwnershipMove"("tenantId", "kind", "at");

-- CreateIndex
CREATE INDEX "OwnershipRequest_tenantId_status_idx" ON "OwnershipRequest"("tenantId", "status");

-- CreateIndex
CREATE INDEX "OwnershipRequest_tenantId_customerId_idx" ON "OwnershipRequest"("tenantId", "customerId");

-- CreateIndex
CREATE INDEX "Instalment_tenantId_dueDate_idx" ON "Instalment"("tenantId", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Instalment_dealId_seq_key" ON "Instalment"("dealId", "seq");

-- CreateIndex
CREATE INDEX "Payment_tenantId_receivedAt_idx" ON "Payment"("tenantId", "receivedAt");

-- CreateIndex
CREATE INDEX "Payment_dealId_idx" ON "Payment"("dealId");

-- CreateIndex
CREATE INDEX "Customer_tenantId_pooledAt_idx" ON "Customer"("tenantId", "pooledAt");
