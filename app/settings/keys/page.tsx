import type { Metadata } from "next";

import { KeysView } from "@/components/settings/keys-view";
import { requirePageRole } from "@/lib/auth/page-access";

import "../../styles/forms.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "API keys · Inference Ledger" };

export default async function KeysPage() {
  await requirePageRole("admin", "/settings/keys");
  return <KeysView />;
}
