-- nothing but talk
SET NAMES utf8mb4;
DROP TABLE IF EXISTS t;
