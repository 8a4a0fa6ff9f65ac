-- Keep customer_order_totals (db/schema/stats.ts) in step with `orders`: statement-level
-- triggers add what each statement inserted and take off what it removed, as deltas, so
-- concurrent sales for one customer never overwrite each other's counts. A refund is an
-- UPDATE: its old row is taken off and its new row added.
CREATE FUNCTION count_inserted_orders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO customer_order_totals (customer_id, orders, revenue, first_order_at)
    SELECT customer_id, count(*), sum(amount - refunded_amount), min(created_at) FROM new_orders WHERE customer_id IS NOT NULL GROUP BY customer_id
    ON CONFLICT (customer_id) DO UPDATE SET
      orders = customer_order_totals.orders + excluded.orders,
      revenue = customer_order_totals.revenue + excluded.revenue,
      first_order_at = least(customer_order_totals.first_order_at, excluded.first_order_at);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Taking rows off only updates existing totals (never inserts): when a customer is deleted,
-- their totals go by cascade while their orders are set to no customer.
CREATE FUNCTION uncount_removed_orders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE customer_order_totals t SET orders = t.orders - r.orders, revenue = t.revenue - r.revenue
    FROM (SELECT customer_id, count(*) AS orders, sum(amount - refunded_amount) AS revenue FROM old_orders WHERE customer_id IS NOT NULL GROUP BY customer_id) r
   WHERE t.customer_id = r.customer_id;
  -- A removed order may have been the first: look again, for those customers only.
  UPDATE customer_order_totals t SET first_order_at = (SELECT min(o.created_at) FROM orders o WHERE o.customer_id = t.customer_id)
   WHERE t.customer_id IN (SELECT customer_id FROM old_orders WHERE customer_id IS NOT NULL AND created_at <= t.first_order_at);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER orders_count_inserted AFTER INSERT ON orders
  REFERENCING NEW TABLE AS new_orders
  FOR EACH STATEMENT EXECUTE FUNCTION count_inserted_orders();
--> statement-breakpoint
-- An update takes the old rows off, then adds the new ones (AFTER triggers fire by name).
CREATE TRIGGER orders_count_updated_1_old AFTER UPDATE ON orders
  REFERENCING OLD TABLE AS old_orders
  FOR EACH STATEMENT EXECUTE FUNCTION uncount_removed_orders();
--> statement-breakpoint
CREATE TRIGGER orders_count_updated_2_new AFTER UPDATE ON orders
  REFERENCING NEW TABLE AS new_orders
  FOR EACH STATEMENT EXECUTE FUNCTION count_inserted_orders();
--> statement-breakpoint
CREATE TRIGGER orders_count_deleted AFTER DELETE ON orders
  REFERENCING OLD TABLE AS old_orders
  FOR EACH STATEMENT EXECUTE FUNCTION uncount_removed_orders();
--> statement-breakpoint
-- Orders recorded before the totals existed.
INSERT INTO customer_order_totals (customer_id, orders, revenue, first_order_at)
  SELECT customer_id, count(*), sum(amount - refunded_amount), min(created_at) FROM orders WHERE customer_id IS NOT NULL GROUP BY customer_id
  ON CONFLICT (customer_id) DO UPDATE SET orders = excluded.orders, revenue = excluded.revenue, first_order_at = excluded.first_order_at;
