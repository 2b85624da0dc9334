import type { Metadata } from "next";

import { GatewaysView } from "@/components/policy/gateways-view";
import { requirePageRole } from "@/lib/auth/page-access";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Gateways · Inference Ledger" };

export default async function GatewaysPage() {
  await requirePageRole("analyst", "/policy/gateways");
  return <GatewaysView />;
}
