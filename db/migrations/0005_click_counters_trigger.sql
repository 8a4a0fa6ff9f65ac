-- Keep the click counters (db/schema/stats.ts) in step with `clicks`: one statement-level
-- trigger adds each inserted batch, counting only clicks that count (not declined).
CREATE FUNCTION count_inserted_clicks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO partner_click_totals (partner_id, clicks)
    SELECT partner_id, count(*) FROM inserted_clicks WHERE declined_reason IS NULL GROUP BY partner_id
    ON CONFLICT (partner_id) DO UPDATE SET clicks = partner_click_totals.clicks + excluded.clicks;
  INSERT INTO link_click_totals (link_id, clicks)
    SELECT link_id, count(*) FROM inserted_clicks WHERE declined_reason IS NULL AND link_id IS NOT NULL GROUP BY link_id
    ON CONFLICT (link_id) DO UPDATE SET clicks = link_click_totals.clicks + excluded.clicks;
  INSERT INTO click_quarter_hours (bucket, clicks)
    SELECT date_bin('15 minutes', created_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'), count(*) FROM inserted_clicks WHERE declined_reason IS NULL GROUP BY 1
    ON CONFLICT (bucket) DO UPDATE SET clicks = click_quarter_hours.clicks + excluded.clicks;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER clicks_count_inserted AFTER INSERT ON clicks
  REFERENCING NEW TABLE AS inserted_clicks
  FOR EACH STATEMENT EXECUTE FUNCTION count_inserted_clicks();
--> statement-breakpoint
-- Clicks recorded before the counters existed.
INSERT INTO partner_click_totals (partner_id, clicks)
  SELECT partner_id, count(*) FROM clicks WHERE declined_reason IS NULL GROUP BY partner_id
  ON CONFLICT (partner_id) DO UPDATE SET clicks = excluded.clicks;
--> statement-breakpoint
INSERT INTO link_click_totals (link_id, clicks)
  SELECT link_id, count(*) FROM clicks WHERE declined_reason IS NULL AND link_id IS NOT NULL GROUP BY link_id
  ON CONFLICT (link_id) DO UPDATE SET clicks = excluded.clicks;
--> statement-breakpoint
INSERT INTO click_quarter_hours (bucket, clicks)
  SELECT date_bin('15 minutes', created_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'), count(*) FROM clicks WHERE declined_reason IS NULL GROUP BY 1
  ON CONFLICT (bucket) DO UPDATE SET clicks = excluded.clicks;
