/* Runs before the first paint so a dark page never flashes white; src/lib/theme.ts does the rest. */
(function () {
  var choice = null;
  try {
    choice = localStorage.getItem('hailuo-theme');
  } catch {
    /* storage blocked: follow the system */
  }
  var dark = choice === 'dark' || (choice !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  if (dark) document.documentElement.classList.add('dark');
})();
