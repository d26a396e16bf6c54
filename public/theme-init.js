/* Runs before the first paint so a dark page never flashes white (src/lib/theme.ts does the rest) and a dismissed notice never shows. */
(function () {
  var choice = null;
  try {
    choice = localStorage.getItem('hailuo-theme');
    // The local-engine notice, once dismissed, is not painted even for the moment before React runs.
    if (localStorage.getItem('hailuo-engine-banner-dismissed') === '1')
      document.documentElement.setAttribute('data-banner-dismissed', '');
  } catch {
    /* storage blocked: follow the system */
  }
  var dark = choice === 'dark' || (choice !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  if (dark) document.documentElement.classList.add('dark');
})();
