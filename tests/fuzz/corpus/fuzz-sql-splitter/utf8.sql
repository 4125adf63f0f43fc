SELECT 'é…😀' AS «x»;
SELECT naïve FROM café;