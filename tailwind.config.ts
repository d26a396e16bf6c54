import type { Config } from 'tailwindcss';

/** Loaded from `src/styles.css` with `@config`; dark mode follows a `.dark` class the app sets. */
export default {
  content: ['./index.html', './src/**/*.{ts,tsx}'],
  darkMode: 'class',
  theme: {
    extend: {
      fontFamily: {
        sans: ['Inter', 'ui-sans-serif', 'system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'sans-serif'],
      },
      colors: {
        brand: {
          50: '#eef4ff',
          100: '#dae6ff',
          200: '#bdd3ff',
          300: '#90b6ff',
          400: '#5c8dff',
          500: '#3866fb',
          600: '#2247ef',
          700: '#1a35d6',
          800: '#1c2eae',
          900: '#1d2c89',
          950: '#161d53',
        },
      },
    },
  },
} satisfies Config;
