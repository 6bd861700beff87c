-- A script that fails on every database: the table it alters does not exist.
ALTER TABLE tck_no_such_table ADD COLUMN note VARCHAR(10);
