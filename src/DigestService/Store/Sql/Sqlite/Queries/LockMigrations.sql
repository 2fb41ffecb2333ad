-- Migrations need no lock of their own on SQLite: each runs in a write transaction taken up front (BEGIN IMMEDIATE).
SELECT 1;
