--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET standard_conforming_strings = on;

CREATE TABLE public.paths (
    id integer NOT NULL,
    path text,
    ratio numeric
);

INSERT INTO public.paths VALUES (1, 'C:\temp\', 0.5);
INSERT INTO public.paths VALUES (2, 'it''s', 0.125);
