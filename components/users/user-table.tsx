"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { ConfirmButton } from "@/components/forms/confirm-button";
import { isRole, ROLES, type Role } from "@/lib/auth/roles";
import { adminQueryKeys } from "@/lib/ui/admin-query-keys";
import { userResponseSchema, type UserItem } from "@/lib/ui/admin-schemas";
import { formatTimestamp } from "@/lib/ui/format-timestamp";
import { describeRequestError, sendApiJson } from "@/lib/ui/send-api-json";

function describeSignIn(user: UserItem): string {
  if (user.hasPassword && user.hasSingleSignOn) return "Password, single sign-on";
  if (user.hasPassword) return "Password";
  return "Single sign-on";
}

/** Lists users; an admin's own row cannot lower its role or disable itself. */
export function UserTable({ users, currentUserId }: { users: readonly UserItem[]; currentUserId: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="sr-only">Users</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Sign-in</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UserRow({ user, isSelf }: { user: UserItem; isSelf: boolean }) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: adminQueryKeys.users });
  const userUrl = `/api/v1/users/${encodeURIComponent(user.id)}`;

  const update = useMutation({
    mutationKey: ["users", "update", user.id],
    mutationFn: (change: { role?: Role; disabled?: boolean }) =>
      sendApiJson("PATCH", userUrl, change, userResponseSchema),
    onSettled: refresh,
  });
  const signOut = useMutation({
    mutationKey: ["users", "sign-out", user.id],
    mutationFn: () => sendApiJson("DELETE", `${userUrl}/sessions`, undefined, userResponseSchema),
    onSuccess: () => {
      // Signing yourself out everywhere ends this browser's session too. A full
      // load, so the root layout drops the navigation bar of the old session.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      if (isSelf) window.location.assign("/sign-in");
    },
  });
  const error = update.error ?? signOut.error;
  const disabled = user.disabledAt !== null;

  return (
    <tr>
      <th scope="row">
        {user.email}
        {isSelf ? <span className="muted small"> (you)</span> : null}
      </th>
      <td>{user.name}</td>
      <td>
        <label className="sr-only" htmlFor={`role-${user.id}`}>
          Role of {user.email}
        </label>
        <select
          id={`role-${user.id}`}
          className="inline-select"
          value={user.role}
          disabled={update.isPending || isSelf}
          title={isSelf ? "Ask another admin to change your role" : undefined}
          onChange={(event) => {
            const role = event.target.value;
            if (isRole(role)) update.mutate({ role });
          }}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </td>
      <td>{describeSignIn(user)}</td>
      <td>
        {disabled ? (
          <span className="badge badge-bad">Disabled</span>
        ) : (
          <span className="badge badge-good">Active</span>
        )}
      </td>
      <td className="nowrap">{formatTimestamp(user.createdAt)}</td>
      <td>
        <div className="row-actions">
          {isSelf ? null : disabled ? (
            <button
              type="button"
              className="button button-quiet"
              disabled={update.isPending}
              onClick={() => update.mutate({ disabled: false })}
            >
              Enable
            </button>
          ) : (
            <ConfirmButton
              label="Disable"
              confirmLabel="Disable now"
              question={`Disable ${user.email}? Their sessions end at once.`}
              pending={update.isPending}
              onConfirm={() => update.mutate({ disabled: true })}
            />
          )}
          <ConfirmButton
            label="Sign out everywhere"
            confirmLabel="Sign out"
            question={`End every session of ${user.email}?`}
            pending={signOut.isPending}
            onConfirm={() => signOut.mutate()}
          />
          {signOut.isSuccess && !isSelf ? <span className="muted small">Signed out</span> : null}
          {error ? (
            <p className="field-message" role="alert">
              {describeRequestError(error)}
            </p>
          ) : null}
        </div>
      </td>
    </tr>
  );
}
