"use client";

import { useQuery } from "@tanstack/react-query";

import { QueryWidget } from "@/components/kpi/widget-state";
import { adminQueryKeys } from "@/lib/ui/admin-query-keys";
import { userListSchema } from "@/lib/ui/admin-schemas";
import { fetchApiJson } from "@/lib/ui/fetch-api";

import { CreateUserForm } from "./create-user-form";
import { UserTable } from "./user-table";

/** Renders user administration: the user list with role, status and session actions, and a creation form. */
export function UsersView({ currentUserId }: { currentUserId: string }) {
  const users = useQuery({
    queryKey: adminQueryKeys.users,
    queryFn: ({ signal }) => fetchApiJson("/api/v1/users", userListSchema, { signal }),
  });

  return (
    <main className="page">
      <header className="page-header">
        <div>
          <p className="eyebrow">Administration</p>
          <h1>Users and roles</h1>
        </div>
      </header>

      <section className="panel" aria-labelledby="users-heading">
        <h2 id="users-heading">Users</h2>
        <p className="muted small">
          Viewers see the board; analysts also see workflow detail and exports; finance also edits
          budgets, thresholds and prices; admins also manage users, roles and keys. A role change
          applies from the user’s next request.
        </p>
        <QueryWidget query={users} subject="the users" lines={3}>
          {(data) => <UserTable users={data.users} currentUserId={currentUserId} />}
        </QueryWidget>
      </section>

      <section className="panel" aria-labelledby="create-user-heading">
        <h2 id="create-user-heading">Create a user</h2>
        <CreateUserForm />
      </section>
    </main>
  );
}
