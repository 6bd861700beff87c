-- The migration contract's first script: its table, made anew (the TCK's database is shared by its runs), and two rows.
DROP TABLE IF EXISTS "tck_entry";
CREATE TABLE "tck_entry" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "title" TEXT NOT NULL);
INSERT INTO "tck_entry" ("title") VALUES ('first');
INSERT INTO "tck_entry" ("title") VALUES ('second');
