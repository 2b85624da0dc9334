import type { Metadata } from "next";

import { UsersView } from "@/components/users/users-view";
import { requirePageRole } from "@/lib/auth/page-access";

import "../../styles/forms.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Users · Inference Ledger" };

export default async function UsersPage() {
  const user = await requirePageRole("admin", "/admin/users");
  return <UsersView currentUserId={user.userId} />;
}
