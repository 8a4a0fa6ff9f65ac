-- Every customer has a row in customer_order_totals from the moment they are created (zeros
-- until their first order), so the Customers list can join the totals as it walks one of
-- their indexes in order, instead of sorting every customer.
CREATE FUNCTION add_customer_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO customer_order_totals (customer_id) SELECT id FROM new_customers ON CONFLICT (customer_id) DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER customers_add_totals AFTER INSERT ON customers
  REFERENCING NEW TABLE AS new_customers
  FOR EACH STATEMENT EXECUTE FUNCTION add_customer_totals();
--> statement-breakpoint
-- Customers created before this trigger (lead-only ones had no row).
INSERT INTO customer_order_totals (customer_id) SELECT id FROM customers ON CONFLICT (customer_id) DO NOTHING;
