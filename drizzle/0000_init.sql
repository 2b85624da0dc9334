CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_key_hash_unique" UNIQUE("key_hash"),
	CONSTRAINT "api_keys_kind_check" CHECK ("api_keys"."kind" in ('ingest', 'gateway'))
);
--> statement-breakpoint
CREATE TABLE "custom_prices" (
	"id" text PRIMARY KEY NOT NULL,
	"row" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_events" (
	"trace_id" text NOT NULL,
	"event_id" text NOT NULL,
	"outcome" text NOT NULL,
	"decisions" integer,
	"occurred_ns" bigint NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "runs" (
	"trace_id" text PRIMARY KEY NOT NULL,
	"workflow" text NOT NULL,
	"day" date NOT NULL,
	"start_ns" bigint NOT NULL,
	"end_ns" bigint NOT NULL,
	"span_count" integer NOT NULL,
	"llm_calls" integer NOT NULL,
	"tool_calls" integer NOT NULL,
	"failed_llm_calls" integer NOT NULL,
	"input_tokens" bigint NOT NULL,
	"output_tokens" bigint NOT NULL,
	"cost_usd" numeric(30, 12) NOT NULL,
	"unpriced_calls" integer NOT NULL,
	"outcome" text,
	"decisions" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spans" (
	"trace_id" text NOT NULL,
	"span_id" text NOT NULL,
	"parent_span_id" text,
	"name" text NOT NULL,
	"start_ns" bigint NOT NULL,
	"end_ns" bigint NOT NULL,
	"service_name" text,
	"scope_name" text NOT NULL,
	"scope_version" text NOT NULL,
	"dialect" text NOT NULL,
	"role" text NOT NULL,
	"operation" text,
	"provider" text,
	"model" text,
	"service_tier" text,
	"input_tokens" bigint,
	"uncached_input_tokens" bigint,
	"cache_read_tokens" bigint,
	"cache_write_tokens" bigint,
	"cache_write_5m_tokens" bigint,
	"cache_write_1h_tokens" bigint,
	"output_tokens" bigint,
	"reasoning_tokens" bigint,
	"cost_usd" numeric(30, 12),
	"cost_status" text NOT NULL,
	"price_id" text,
	"emitter_cost_usd" numeric(30, 12),
	"workflow" text,
	"workflow_rank" smallint,
	"agent_name" text,
	"outcome" text,
	"decisions" integer,
	"status_code" smallint NOT NULL,
	"flags" text[] NOT NULL,
	"attributes" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "spans_trace_id_span_id_pk" PRIMARY KEY("trace_id","span_id")
);
--> statement-breakpoint
CREATE TABLE "workflow_daily" (
	"workflow" text NOT NULL,
	"day" date NOT NULL,
	"runs" integer NOT NULL,
	"llm_calls" integer NOT NULL,
	"tool_calls" integer NOT NULL,
	"input_tokens" bigint NOT NULL,
	"output_tokens" bigint NOT NULL,
	"cost_usd" numeric(30, 12) NOT NULL,
	"unpriced_calls" integer NOT NULL,
	"completed_outcomes" integer NOT NULL,
	"failed_outcomes" integer NOT NULL,
	"abandoned_outcomes" integer NOT NULL,
	"escalated_outcomes" integer NOT NULL,
	"decisions" bigint NOT NULL,
	CONSTRAINT "workflow_daily_workflow_day_pk" PRIMARY KEY("workflow","day")
);
--> statement-breakpoint
CREATE INDEX "api_keys_prefix_idx" ON "api_keys" USING btree ("prefix");--> statement-breakpoint
CREATE UNIQUE INDEX "outcome_events_key" ON "outcome_events" USING btree ("trace_id","event_id");--> statement-breakpoint
CREATE INDEX "runs_workflow_day_idx" ON "runs" USING btree ("workflow","day");--> statement-breakpoint
CREATE INDEX "spans_model_start_idx" ON "spans" USING btree ("provider","model","start_ns");