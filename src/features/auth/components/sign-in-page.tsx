/**
 * `/sign-in`: shown when the server needs a sign-in (it listens beyond this machine). Outside
 * the app's layout, so nothing on it calls an API that would need the session it is making.
 */
import { Link, useLocation, useSearchParams } from 'wouter';
import { Button, buttonClasses } from '@/components/button';
import { Spinner } from '@/components/spinner';
import { readPreference } from '@/lib/theme';
import { useAppliedTheme } from '@/lib/use-applied-theme';
import { useSession } from '@/features/auth/api/get-session';
import { useSignOut } from '@/features/auth/api/sign-in';
import { safeNext } from '@/features/auth/lib/sign-in-redirect';
import { SignInForm } from './sign-in-form';

function SignedIn({ required, next }: { required: boolean; next: string }) {
  const signOut = useSignOut();
  return (
    <div className="flex flex-col gap-3">
      <p className="text-slate-700 dark:text-slate-300" data-testid="sign-in-state">
        {required ? 'You are signed in.' : 'This server is open on this machine: no sign-in is needed.'}
      </p>
      <div className="flex flex-wrap gap-2">
        <Link to={next} className={buttonClasses('primary')}>
          Go to your videos
        </Link>
        {required && (
          <Button onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            Sign out
          </Button>
        )}
      </div>
    </div>
  );
}

export function SignInPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const next = safeNext(params.get('next'));
  // The header's theme toggle is not on this page; the chosen theme (or the system's) still holds.
  useAppliedTheme(readPreference());

  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center gap-6 px-4 py-10">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">Sign in to Hailuo Studio</h1>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          This studio is shared beyond one computer. Ask whoever runs it for the dashboard password; programs use an API
          key instead.
        </p>
      </div>
      {session.isPending && (
        <p role="status" className="flex items-center gap-2 text-sm">
          <Spinner /> Checking your session…
        </p>
      )}
      {session.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {session.error.message}
        </p>
      )}
      {session.data &&
        (session.data.signed_in ? (
          <SignedIn required={session.data.required} next={next} />
        ) : (
          <SignInForm onSignedIn={() => navigate(next, { replace: true })} />
        ))}
    </main>
  );
}
