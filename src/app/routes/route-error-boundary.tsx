import { Component, type ReactNode } from 'react';
import { Button } from '@/components/button';

interface State {
  failed: boolean;
}

/**
 * Catches a view that fails to render or to load. A lazy view that fails to load is usually
 * an old tab after a deploy: a reload fetches the new files. `resetKey` (the path) clears the
 * error when the person navigates elsewhere.
 */
export class RouteErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State & { key: string }> {
  override state = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: State & { key: string }) {
    return props.resetKey === state.key ? null : { failed: false, key: props.resetKey };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="mx-auto flex max-w-md flex-col items-center gap-4 px-4 py-16 text-center">
        <h1 className="text-2xl font-semibold">Something went wrong</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Part of the page failed to load. Reload the page; your videos are safe on the server.
        </p>
        <Button variant="primary" onClick={() => window.location.reload()}>
          Reload
        </Button>
      </div>
    );
  }
}
