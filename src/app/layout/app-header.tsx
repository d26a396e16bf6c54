import { Link } from 'wouter';
import { BalancePill } from './balance-pill';
import { ConnectionNotice } from './connection-notice';
import { NavLink } from './nav-link';
import { TaskLookup } from './task-lookup';
import { ThemeToggle } from './theme-toggle';
import { PAGE_WIDTH } from './page-width';

const NAV_LINK = (isActive: boolean) =>
  `rounded-lg px-2.5 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-500 ${
    isActive
      ? 'bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-white'
      : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
  }`;

export function AppHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <div className={`${PAGE_WIDTH} flex flex-wrap items-center gap-x-3 gap-y-2 px-3 py-2.5 sm:px-6`}>
        <Link
          to="/"
          className="flex items-center gap-2 rounded-lg font-semibold focus-visible:outline-2 focus-visible:outline-brand-500"
        >
          <img src="/favicon.svg" alt="" className="size-7" />
          {/* On the narrowest phones the name gives its room to the menu; screen readers still hear it. */}
          <span className="max-[399px]:sr-only">Hailuo Studio</span>
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1">
          <NavLink to="/" end className={NAV_LINK}>
            Create
          </NavLink>
          <NavLink to="/tasks" className={NAV_LINK}>
            Tasks
          </NavLink>
          <NavLink to="/spend" className={NAV_LINK}>
            Spend
          </NavLink>
        </nav>
        <div className="ml-auto flex items-center gap-2 md:order-last md:ml-0">
          <BalancePill />
          <ThemeToggle />
        </div>
        <div className="order-last w-full md:order-none md:ml-auto md:w-72">
          <TaskLookup />
        </div>
      </div>
      <ConnectionNotice />
    </header>
  );
}
