import type { Metadata } from "next";

import { PricingView } from "@/components/pricing/pricing-view";
import { requirePageRole } from "@/lib/auth/page-access";
import { hasRole } from "@/lib/auth/roles";

import "../styles/forms.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Prices · Inference Ledger" };

export default async function PricingPage() {
  const user = await requirePageRole("analyst", "/pricing");
  // The form is hidden from analysts for clarity; the API rejects their changes regardless.
  return <PricingView canEdit={hasRole(user.role, "finance")} />;
}
