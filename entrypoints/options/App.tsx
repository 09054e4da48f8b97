import { type ComponentType, lazy, Suspense, useEffect, useState } from 'react';
import { LockGate } from '../../components/LockGate';
import { currentLanguage, type MessageKey, t } from '../../lib/i18n';
import { isMonth } from '../../lib/practiceSummary';
import { SummaryOffer } from './SummaryOffer';

type Route =
  | { view: 'settings' }
  | { view: 'clients' }
  | { view: 'client'; id: string }
  | { view: 'checklists' }
  | { view: 'checklist'; id: string }
  | { view: 'history' }
  | { view: 'overview' }
  | { view: 'summary'; month?: string };

/**
 * The options page's sections live in the address's fragment: #clients, #client/ID, #checklists, #checklist/ID,
 * #summary or #summary/YYYY-MM (the practice summary of that month).
 */
function routeOf(hash: string): Route {
  const [section, id] = hash.replace(/^#/, '').split('/');
  if (section === 'clients') return { view: 'clients' };
  if (section === 'client' && id) return { view: 'client', id: decodeURIComponent(id) };
  if (section === 'checklists') return { view: 'checklists' };
  if (section === 'history') return { view: 'history' };
  if (section === 'overview') return { view: 'overview' };
  if (section === 'summary') return id && isMonth(id) ? { view: 'summary', month: id } : { view: 'summary' };
  if (section === 'checklist' && id) return { view: 'checklist', id: decodeURIComponent(id) };
  return { view: 'settings' };
}

/**
 * Each view is its own chunk, loaded when it is first shown: a page opened on
 * History does not load the template editor. The view the page opens on
 * starts loading at once, beside the language, not after the first draw.
 */
const loaders = {
  settings: () => import('./SettingsView').then((module) => module.SettingsView),
  clients: () => import('./ClientsView').then((module) => module.ClientsView),
  client: () => import('./ClientView').then((module) => module.ClientView),
  checklists: () => import('./TemplatesView').then((module) => module.TemplatesView),
  checklist: () => import('./TemplateEditor').then((module) => module.TemplateEditor),
  history: () => import('./HistoryView').then((module) => module.HistoryView),
  overview: () => import('./OverviewView').then((module) => module.OverviewView),
  summary: () => import('./SummaryView').then((module) => module.SummaryView),
};

const view = <P extends object>(load: () => Promise<ComponentType<P>>) => lazy(async () => ({ default: await load() }));

void loaders[routeOf(location.hash).view]().catch(() => undefined);

const SettingsView = view(loaders.settings);
const ClientsView = view(loaders.clients);
const ClientView = view(loaders.client);
const TemplatesView = view(loaders.checklists);
const TemplateEditor = view(loaders.checklist);
const HistoryView = view(loaders.history);
const OverviewView = view(loaders.overview);
const SummaryView = view(loaders.summary);

/** Once a view is shown, the focus goes to its heading, unless the address names a place on the page. */
function FocusHeading({ route }: { route: Route }) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per view shown.
  useEffect(() => {
    if (!document.getElementById(location.hash.slice(1))) document.querySelector('h1')?.focus();
  }, [route]);
  return null;
}

function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(location.hash));
  useEffect(() => {
    const follow = () => setRoute(routeOf(location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}

const NAV = [
  { href: '#settings', label: 'navSettings', views: ['settings'] },
  { href: '#clients', label: 'navClients', views: ['clients', 'client'] },
  { href: '#checklists', label: 'navChecklists', views: ['checklists', 'checklist'] },
  { href: '#history', label: 'navHistory', views: ['history'] },
  { href: '#overview', label: 'navOverview', views: ['overview'] },
  { href: '#summary', label: 'summaryNav', views: ['summary'] },
] as const satisfies ReadonlyArray<{ href: string; label: MessageKey; views: readonly string[] }>;

export function App() {
  const route = useRoute();
  const language = currentLanguage();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the title is written again in a newly chosen language.
  useEffect(() => {
    const current = NAV.find((entry) => (entry.views as readonly string[]).includes(route.view));
    document.title = current ? `${t(current.label)} · ${t('appName')}` : t('pageTitle.options');
  }, [route, language]);
  return (
    <>
      <nav aria-label={t('navLabel')} className="topnav">
        <ul className="row plain">
          {NAV.map((entry) => (
            <li key={entry.href}>
              <a
                href={entry.href}
                aria-current={(entry.views as readonly string[]).includes(route.view) ? 'page' : undefined}
              >
                {t(entry.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        <SummaryOffer />
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          {route.view === 'settings' && <SettingsView />}
          {route.view !== 'settings' && (
            <LockGate>
              {route.view === 'clients' && <ClientsView />}
              {route.view === 'client' && <ClientView key={route.id} id={route.id} />}
              {route.view === 'checklists' && <TemplatesView />}
              {route.view === 'checklist' && <TemplateEditor key={route.id} id={route.id} />}
              {route.view === 'history' && <HistoryView />}
              {route.view === 'overview' && <OverviewView />}
              {route.view === 'summary' && <SummaryView key={route.month ?? ''} month={route.month} />}
            </LockGate>
          )}
          <FocusHeading route={route} />
        </Suspense>
      </main>
    </>
  );
}
