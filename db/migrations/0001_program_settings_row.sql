-- The program is one row (id 1) that always exists; every setting takes its column default.
INSERT INTO "program_settings" ("id") VALUES (1) ON CONFLICT DO NOTHING;
