ALTER TABLE mig_account ADD COLUMN nickname VARCHAR(255);
