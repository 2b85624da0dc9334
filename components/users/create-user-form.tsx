"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";

import { FieldMessage } from "@/components/forms/field-message";
import { isRole, ROLES, type Role } from "@/lib/auth/roles";
import { adminQueryKeys } from "@/lib/ui/admin-query-keys";
import { userResponseSchema } from "@/lib/ui/admin-schemas";
import { fieldErrorsOfResponse, type FieldErrors } from "@/lib/ui/field-errors";
import { sendApiJson } from "@/lib/ui/send-api-json";

const FIELDS = ["email", "name", "role", "password"] as const;

/** Passwords shorter than this are rejected by the server; checked here too for a quicker message. */
const MIN_PASSWORD_LENGTH = 12;

/**
 * Creates a user with a role and, optionally, a password. Without a password
 * the user signs in by single sign-on only.
 */
export function CreateUserForm() {
  const queryClient = useQueryClient();
  const id = useId();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [createdEmail, setCreatedEmail] = useState<string | null>(null);

  const create = useMutation({
    mutationKey: ["users", "create"],
    mutationFn: (body: unknown) => sendApiJson("POST", "/api/v1/users", body, userResponseSchema),
    onSuccess: (data) => {
      void queryClient.invalidateQueries({ queryKey: adminQueryKeys.users });
      setCreatedEmail(data.user.email);
      setEmail("");
      setName("");
      setPassword("");
    },
    onError: (error) => setErrors(fieldErrorsOfResponse(error, FIELDS)),
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (!email.trim()) problems.email = "Enter the user’s email.";
    if (!name.trim()) problems.name = "Enter the user’s name.";
    if (password && password.length < MIN_PASSWORD_LENGTH) {
      problems.password =
        `Use at least ${MIN_PASSWORD_LENGTH} characters, or leave it empty for single sign-on.`;
    }
    setErrors(problems);
    setCreatedEmail(null);
    if (Object.keys(problems).length > 0) return;
    create.mutate({ email, name, role, ...(password ? { password } : {}) });
  }

  return (
    <form className="form-grid" onSubmit={handleSubmit} noValidate>
      <label className="field">
        <span>Email</span>
        <input
          name="email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={Boolean(errors.email)}
          aria-describedby={`${id}-email`}
        />
        <FieldMessage id={`${id}-email`} message={errors.email} />
      </label>
      <label className="field">
        <span>Name</span>
        <input
          name="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={Boolean(errors.name)}
          aria-describedby={`${id}-name`}
        />
        <FieldMessage id={`${id}-name`} message={errors.name} />
      </label>
      <label className="field">
        <span>Role</span>
        <select
          name="role"
          value={role}
          onChange={(event) => {
            if (isRole(event.target.value)) setRole(event.target.value);
          }}
          aria-describedby={`${id}-role`}
        >
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
        <FieldMessage id={`${id}-role`} message={errors.role} />
      </label>
      <label className="field">
        <span>Password (empty for single sign-on only)</span>
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={Boolean(errors.password)}
          aria-describedby={`${id}-password`}
        />
        <FieldMessage id={`${id}-password`} message={errors.password} />
      </label>
      {errors.form ? (
        <p className="form-message" role="alert">
          {errors.form}
        </p>
      ) : null}
      {createdEmail ? (
        <p className="form-success" role="status">
          Created {createdEmail}.
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create user"}
        </button>
      </div>
    </form>
  );
}
