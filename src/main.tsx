import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { App } from '@/app/app';
import { showsPrerenderedPage } from '@/app/prerendered-location';
import './styles.css';

const container = document.getElementById('root')!;
const app = (
  <StrictMode>
    <Router>
      <App />
    </Router>
  </StrictMode>
);

// The build prerenders the creator's page into index.html (src/prerender.tsx); React takes
// that HTML over as it is. Any other address gets the empty shell and is drawn here.
if (container.hasChildNodes() && showsPrerenderedPage(window.location)) hydrateRoot(container, app);
else {
  container.replaceChildren();
  createRoot(container).render(app);
}
