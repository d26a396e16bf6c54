import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { useSignIn } from '@/features/auth/api/sign-in';

/** The dashboard password, checked by the server; a wrong one is said next to the field. */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const [password, setPassword] = useState('');
  const signIn = useSignIn();
  const id = useId();
  const errorId = `${id}-error`;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (password) signIn.mutate({ password }, { onSuccess: onSignedIn });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
      <label htmlFor={id} className="text-sm font-medium">
        Dashboard password
      </label>
      <input
        id={id}
        type="password"
        autoComplete="current-password"
        required
        autoFocus
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        aria-invalid={signIn.isError || undefined}
        aria-describedby={signIn.isError ? errorId : undefined}
        className="h-10 rounded-lg border border-slate-300 bg-white px-3 text-sm focus:border-brand-500 focus:outline-2 focus:outline-brand-500 dark:border-slate-600 dark:bg-slate-900"
      />
      {signIn.isError && (
        <p id={errorId} role="alert" className="text-sm text-red-700 dark:text-red-300" data-testid="sign-in-error">
          {signIn.error.message}
        </p>
      )}
      <Button type="submit" variant="primary" disabled={!password || signIn.isPending}>
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
