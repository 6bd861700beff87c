-- Not in ferro-migrations.list: a run that scanned the directory would fail here
THIS IS NOT SQL;
