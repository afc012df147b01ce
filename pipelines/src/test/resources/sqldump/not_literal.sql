CREATE TABLE t (id int, created datetime);
INSERT INTO t VALUES (1, NOW());
