import type { Metadata } from "next";

import { ImportsView } from "@/components/billing/imports-view";
import { requirePageRole } from "@/lib/auth/page-access";
import { hasRole } from "@/lib/auth/roles";

import "../../styles/forms.css";
import "../../styles/billing.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Billing imports · Inference Ledger" };

export default async function BillingImportsPage() {
  const user = await requirePageRole("analyst", "/billing/imports");
  // The form is hidden from analysts for clarity; the API rejects their uploads regardless.
  return <ImportsView canUpload={hasRole(user.role, "finance")} />;
}
