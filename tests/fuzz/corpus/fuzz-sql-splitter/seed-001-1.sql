select explode(identityMap) from demosys_cja_ee_v1_website_global_v1_1 limit 15;
