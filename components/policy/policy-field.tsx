"use client";

import type { ReactNode } from "react";

import { FieldMessage } from "@/components/forms/field-message";

/** Renders one labelled input of the policy editor with its validation message below it. */
export function PolicyField({
  label,
  path,
  errors,
  children,
}: {
  label: string;
  /** Dotted policy path the message is keyed by, such as `budget.amountUsd`. */
  path: string;
  errors: Record<string, string>;
  children: (props: { "aria-invalid": boolean; "aria-describedby": string }) => ReactNode;
}) {
  const id = `policy-${path.replace(/\./g, "-")}`;
  return (
    <label className="field">
      <span>{label}</span>
      {children({ "aria-invalid": Boolean(errors[path]), "aria-describedby": id })}
      <FieldMessage id={id} message={errors[path]} />
    </label>
  );
}
