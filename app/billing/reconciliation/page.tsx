import type { Metadata } from "next";

import { ReconciliationView } from "@/components/billing/reconciliation-view";
import { requirePageRole } from "@/lib/auth/page-access";
import {
  parseRangeSearchParams,
  todayInTimeZone,
  type SearchParamsRecord,
} from "@/lib/ui/date-range-params";

import "../../styles/billing.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Reconciliation · Inference Ledger" };

export default async function ReconciliationPage({
  searchParams,
}: {
  searchParams: Promise<SearchParamsRecord>;
}) {
  await requirePageRole("analyst", "/billing/reconciliation");
  // Bills state charge periods in UTC, so the range is in UTC days, as the API's.
  const { range, problems } = parseRangeSearchParams(await searchParams, todayInTimeZone("UTC"));
  return <ReconciliationView range={range} problems={problems} />;
}
