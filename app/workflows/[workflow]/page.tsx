import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { WorkflowView } from "@/components/workflow/workflow-view";
import { requirePageRole } from "@/lib/auth/page-access";
import { getEnv } from "@/lib/env";
import {
  parseRangeSearchParams,
  todayInTimeZone,
  type SearchParamsRecord,
} from "@/lib/ui/date-range-params";

export const dynamic = "force-dynamic";

interface WorkflowPageProps {
  params: Promise<{ workflow: string }>;
  searchParams: Promise<SearchParamsRecord>;
}

/**
 * Decodes the workflow segment, which Next.js 16 passes to pages still
 * percent-encoded. A malformed escape such as "%E0%A4%A" names no workflow.
 */
async function readWorkflowName(params: WorkflowPageProps["params"]): Promise<string> {
  const { workflow } = await params;
  try {
    return decodeURIComponent(workflow);
  } catch (error) {
    if (error instanceof URIError) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: WorkflowPageProps): Promise<Metadata> {
  return { title: `${await readWorkflowName(params)} · Inference Ledger` };
}

export default async function WorkflowPage({ params, searchParams }: WorkflowPageProps) {
  const workflow = await readWorkflowName(params);
  await requirePageRole("analyst", `/workflows/${encodeURIComponent(workflow)}`);
  // Today in the organization's zone, so the default range matches the API's.
  const today = todayInTimeZone(getEnv().ORG_TIME_ZONE);
  const { range, problems } = parseRangeSearchParams(await searchParams, today);
  return <WorkflowView workflow={workflow} range={range} problems={problems} />;
}
