-- The migration contract's first script: its table, made anew (the TCK's database is shared by its runs), and two rows.
DROP TABLE IF EXISTS `tck_entry`;
CREATE TABLE `tck_entry` (`id` BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, `title` VARCHAR(40) NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
INSERT INTO `tck_entry` (`title`) VALUES ('first');
INSERT INTO `tck_entry` (`title`) VALUES ('second');
