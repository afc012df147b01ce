INSERT INTO t VALUES (1, 'never closed);
INSERT INTO t VALUES (2, 'x');
