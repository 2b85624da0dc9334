import type { Metadata } from "next";

import { BudgetsView } from "@/components/budgets/budgets-view";
import { requirePageRole } from "@/lib/auth/page-access";
import { hasRole } from "@/lib/auth/roles";
import { getEnv } from "@/lib/env";

import "../styles/forms.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Budgets · Inference Ledger" };

export default async function BudgetsPage() {
  const user = await requirePageRole("analyst", "/budgets");
  // The form is hidden from analysts for clarity; the API rejects their changes regardless.
  return <BudgetsView canEdit={hasRole(user.role, "finance")} defaultTimeZone={getEnv().ORG_TIME_ZONE} />;
}
