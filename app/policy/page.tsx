import type { Metadata } from "next";

import { PolicyView } from "@/components/policy/policy-view";
import { requirePageRole } from "@/lib/auth/page-access";
import { hasRole } from "@/lib/auth/roles";
import { getEnv } from "@/lib/env";

import "../styles/forms.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Policy · Inference Ledger" };

export default async function PolicyPage() {
  const user = await requirePageRole("analyst", "/policy");
  return <PolicyView canEdit={hasRole(user.role, "finance")} defaultTimeZone={getEnv().ORG_TIME_ZONE} />;
}
