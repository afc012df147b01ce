-- Rows of two tables, interleaved, without CREATE TABLE.
INSERT INTO readings (sensor, at, value) VALUES ('a', '2024-03-01 10:00:00', 1.5), ('b', '2024-03-01T10:05:00Z', 2);
INSERT INTO sensors VALUES (1, 'a', true), (2, 'b', false);
INSERT INTO readings (sensor, at, value, note) VALUES ('a', '2024-03-01 10:10:00', -0.25, 'late');
UPDATE readings SET value = 0;
DELETE FROM sensors;
