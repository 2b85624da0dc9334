CREATE TABLE "gateway_pulls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"format" text NOT NULL,
	"status" integer NOT NULL,
	"pulled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gateway_pulls_status_check" CHECK ("gateway_pulls"."status" in (200, 304))
);
--> statement-breakpoint
ALTER TABLE "gateway_pulls" ADD CONSTRAINT "gateway_pulls_key_id_api_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gateway_pulls_key_time_idx" ON "gateway_pulls" USING btree ("key_id","pulled_at");