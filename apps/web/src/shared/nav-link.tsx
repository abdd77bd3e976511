import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';

/**
 * A navigation link that shows where the person is: class `active` and `aria-current="page"` on
 * its own page and, unless `end`, on the pages under it.
 */
export function NavLink({
  to,
  end = false,
  children,
}: {
  readonly to: string;
  readonly end?: boolean;
  readonly children: ReactNode;
}) {
  const [pathname] = useLocation();
  const active = pathname === to || (!end && pathname.startsWith(`${to}/`));
  return (
    <Link
      to={to}
      className={active ? 'active' : undefined}
      aria-current={active ? 'page' : undefined}
    >
      {children}
    </Link>
  );
}
