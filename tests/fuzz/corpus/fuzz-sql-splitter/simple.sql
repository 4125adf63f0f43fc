SELECT 1; SELECT 2;
SELECT 'a;b' AS x, "we;ird" FROM t -- c;
;;