CREATE TABLE "billing_import_lines" (
	"import_id" uuid NOT NULL,
	"charge_key" text NOT NULL,
	"provider" text NOT NULL,
	"billing_account_id" text,
	"sub_account_id" text,
	"service_name" text,
	"charge_category" text NOT NULL,
	"charge_description" text,
	"charge_period_start" timestamp with time zone NOT NULL,
	"charge_period_end" timestamp with time zone NOT NULL,
	"currency" text NOT NULL,
	"billed_cost" numeric(30, 12),
	"effective_cost" numeric(30, 12),
	"list_cost" numeric(30, 12),
	"contracted_cost" numeric(30, 12),
	"model_provider" text,
	"model" text,
	"token_direction" text,
	"tokens" numeric,
	"service_tier" text,
	"inference_route" text,
	"quantity" numeric,
	"unit" text,
	"source_line" integer NOT NULL,
	"source_row" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_import_rejects" (
	"import_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"column" text,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"format" text,
	"sha256" text,
	"size_bytes" bigint,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"rows_read" bigint DEFAULT 0 NOT NULL,
	"rows_imported" bigint DEFAULT 0 NOT NULL,
	"rows_restated" bigint DEFAULT 0 NOT NULL,
	"rows_duplicate" bigint DEFAULT 0 NOT NULL,
	"rows_rejected" bigint DEFAULT 0 NOT NULL,
	"error" text,
	"created_by_type" text NOT NULL,
	"created_by_id" text NOT NULL,
	"created_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "billing_imports_status_check" CHECK ("billing_imports"."status" in ('pending', 'running', 'completed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "billing_lines" (
	"charge_key" text PRIMARY KEY NOT NULL,
	"import_id" uuid NOT NULL,
	"restated_import_id" uuid,
	"provider" text NOT NULL,
	"billing_account_id" text,
	"sub_account_id" text,
	"service_name" text,
	"charge_category" text NOT NULL,
	"charge_description" text,
	"charge_period_start" timestamp with time zone NOT NULL,
	"charge_period_end" timestamp with time zone NOT NULL,
	"currency" text NOT NULL,
	"billed_cost" numeric(30, 12),
	"effective_cost" numeric(30, 12),
	"list_cost" numeric(30, 12),
	"contracted_cost" numeric(30, 12),
	"model_provider" text,
	"model" text,
	"token_direction" text,
	"tokens" numeric,
	"service_tier" text,
	"inference_route" text,
	"quantity" numeric,
	"unit" text,
	"source_line" integer NOT NULL,
	"source_row" jsonb NOT NULL,
	CONSTRAINT "billing_lines_currency_check" CHECK ("billing_lines"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
ALTER TABLE "spans" ADD COLUMN "counted_calls" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "billing_import_lines" ADD CONSTRAINT "billing_import_lines_import_id_billing_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."billing_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_import_rejects" ADD CONSTRAINT "billing_import_rejects_import_id_billing_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."billing_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_lines" ADD CONSTRAINT "billing_lines_import_id_billing_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."billing_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_lines" ADD CONSTRAINT "billing_lines_restated_import_id_billing_imports_id_fk" FOREIGN KEY ("restated_import_id") REFERENCES "public"."billing_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "billing_import_lines_key" ON "billing_import_lines" USING btree ("import_id","charge_key");--> statement-breakpoint
CREATE INDEX "billing_import_rejects_import_idx" ON "billing_import_rejects" USING btree ("import_id","line");--> statement-breakpoint
CREATE INDEX "billing_imports_started_idx" ON "billing_imports" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "billing_lines_period_idx" ON "billing_lines" USING btree ("charge_period_start");--> statement-breakpoint
CREATE INDEX "spans_counted_start_idx" ON "spans" USING btree ("start_ns") WHERE "spans"."counted_calls" > 0;