/* outer /* inner; */ still; */ SELECT 1; -- trailing; comment
SELECT 2 /* end */