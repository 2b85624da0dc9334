import type { Metadata } from "next";

import { AuditView } from "@/components/audit/audit-view";
import { requirePageRole } from "@/lib/auth/page-access";
import { readAuditParams } from "@/lib/ui/audit-params";

import "../../styles/forms.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Audit log · Inference Ledger" };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageRole("admin", "/admin/audit");
  const params = readAuditParams(await searchParams);
  return <AuditView params={params} />;
}
