CREATE TABLE t (id int, name varchar(10));
INSERT INTO t VALUES (1, 'ok');

INSERT INTO t VALUES (2, 'missing paren';
