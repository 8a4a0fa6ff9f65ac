-- Taking removed orders off (refunds are updates) touches only those orders' customers: the
-- first version looked for them with a subquery per row of customer_order_totals, ~30 ms per
-- refund on 60,000 customers. Same results, read through the primary key.
CREATE OR REPLACE FUNCTION uncount_removed_orders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE customer_order_totals t SET orders = t.orders - r.orders, revenue = t.revenue - r.revenue
    FROM (SELECT customer_id, count(*) AS orders, sum(amount - refunded_amount) AS revenue FROM old_orders WHERE customer_id IS NOT NULL GROUP BY customer_id) r
   WHERE t.customer_id = r.customer_id;
  -- A removed order may have been the customer's first: look again, for those customers only.
  UPDATE customer_order_totals t SET first_order_at = (SELECT min(o.created_at) FROM orders o WHERE o.customer_id = t.customer_id)
    FROM (SELECT customer_id, min(created_at) AS removed_first FROM old_orders WHERE customer_id IS NOT NULL GROUP BY customer_id) r
   WHERE t.customer_id = r.customer_id AND r.removed_first <= t.first_order_at;
  RETURN NULL;
END
$$;
