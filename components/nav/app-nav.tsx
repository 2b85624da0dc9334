import Link from "next/link";

import { SignOutButton } from "@/components/auth/sign-out-button";
import type { SignedInUser } from "@/lib/auth/page-access";
import { listNavLinks } from "@/lib/ui/nav-links";

import { NavLink } from "./nav-link";

/** Renders the top bar: links to the pages the user's role may open, the user's email and sign-out. */
export function AppNav({ user }: { user: SignedInUser }) {
  return (
    <header className="app-nav">
      <Link href="/" className="app-nav-brand">
        Inference Ledger
      </Link>
      <nav aria-label="Main">
        <ul className="app-nav-links">
          {listNavLinks(user.role).map((link) => (
            <li key={link.href}>
              <NavLink href={link.href} label={link.label} />
            </li>
          ))}
        </ul>
      </nav>
      <div className="app-nav-user">
        <span>{user.email}</span>
        <span className="badge badge-muted">{user.role}</span>
        <SignOutButton className="button button-quiet" />
      </div>
    </header>
  );
}
