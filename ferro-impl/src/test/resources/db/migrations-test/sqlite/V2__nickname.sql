ALTER TABLE mig_account ADD COLUMN nickname TEXT;
