import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';

interface NavLinkProps {
  to: string;
  /** Active only on this exact path, not on the pages beneath it. */
  end?: boolean;
  className: (active: boolean) => string;
  children: ReactNode;
}

/* wouter's Link knows only an exact match; the menu also marks a section's sub-pages and tells screen readers which page this is. */
export function NavLink({ to, end = false, className, children }: NavLinkProps) {
  const [path] = useLocation();
  const active = path === to || (!end && path.startsWith(`${to}/`));
  return (
    <Link to={to} className={className(active)} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}
