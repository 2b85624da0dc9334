"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** Renders a navigation link, marked as the current page on its own path and paths below it. */
export function NavLink({ href, label }: { href: string; label: string }) {
  const pathname = usePathname();
  const current = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link href={href} className="app-nav-link" aria-current={current ? "page" : undefined}>
      {label}
    </Link>
  );
}
