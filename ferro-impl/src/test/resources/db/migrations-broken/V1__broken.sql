CREATE TABLE mig_broken (;
