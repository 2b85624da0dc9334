"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { QueryWidget } from "@/components/kpi/widget-state";
import { adminQueryKeys } from "@/lib/ui/admin-query-keys";
import { keyListSchema, type ApiKeyView } from "@/lib/ui/admin-schemas";
import { fetchApiJson } from "@/lib/ui/fetch-api";

import { CreateKeyForm } from "./create-key-form";
import { KeyTable } from "./key-table";
import { NewKeySecret } from "./new-key-secret";

/** Renders the API key settings: a creation form, the new secret once, and the key list. */
export function KeysView() {
  const keys = useQuery({
    queryKey: adminQueryKeys.keys,
    queryFn: ({ signal }) => fetchApiJson("/api/v1/keys", keyListSchema, { signal }),
  });
  const [created, setCreated] = useState<{ secret: string; record: ApiKeyView } | null>(null);

  return (
    <main className="page">
      <header className="page-header">
        <div>
          <p className="eyebrow">Settings</p>
          <h1>API keys</h1>
        </div>
      </header>

      {created ? (
        <NewKeySecret secret={created.secret} record={created.record} onDismiss={() => setCreated(null)} />
      ) : null}

      <section className="panel" aria-labelledby="create-key-heading">
        <h2 id="create-key-heading">Create a key</h2>
        <CreateKeyForm onCreated={(secret, record) => setCreated({ secret, record })} />
      </section>

      <section className="panel" aria-labelledby="keys-heading">
        <h2 id="keys-heading">Keys</h2>
        <QueryWidget query={keys} subject="the keys" lines={3}>
          {(data) => <KeyTable keys={data.keys} />}
        </QueryWidget>
      </section>
    </main>
  );
}
