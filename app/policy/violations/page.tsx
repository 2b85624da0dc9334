import type { Metadata } from "next";

import { ViolationsView } from "@/components/policy/violations-view";
import { requirePageRole } from "@/lib/auth/page-access";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Guardrail violations · Inference Ledger" };

export default async function ViolationsPage() {
  await requirePageRole("analyst", "/policy/violations");
  return <ViolationsView />;
}
