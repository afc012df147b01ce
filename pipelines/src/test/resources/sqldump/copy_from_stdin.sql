COPY public.t (id, name) FROM stdin;
1	alice
\.
