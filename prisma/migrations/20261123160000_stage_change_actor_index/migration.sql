-- CreateIndex
CREATE INDEX "StageChange_tenantId_actorId_at_idx" ON "StageChange"("tenantId", "actorId", "at");
