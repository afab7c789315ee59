"use client";
/** The main navigation; marks the current section with aria-current. */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { NAVIGATION } from "@/lib/site";

export function NavLinks() {
  const pathname = usePathname() ?? "/";
  return (
    <ul>
      {NAVIGATION.map((item) => {
        const current = pathname === item.href || pathname.startsWith(item.href);
        return (
          <li key={item.href}>
            <Link href={item.href} aria-current={current ? "page" : undefined}>
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
