-- Dashboard tokens are stored encrypted ("v1." + AES-256-GCM, lib/server/token-seal.ts). The
-- key derives from the app's secret, which SQL does not have, so rows written before this
-- release are sealed by the app at start (sealLegacyDashboardTokens). NOT VALID: the check
-- holds for every row written from now on without refusing the not-yet-sealed ones.
ALTER TABLE "partners" ADD CONSTRAINT "partners_dashboard_token_sealed" CHECK ("dashboard_token_sealed" ~ '^v1\.[A-Za-z0-9_-]+$') NOT VALID;
