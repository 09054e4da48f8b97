import { type ReactNode, useEffect, useState } from 'react';
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

type Views = typeof loaders;
type ViewOf<V extends keyof Views> = Awaited<ReturnType<Views[V]>>;

/** The views loaded so far: shown again at once, with no "Loading" in between. */
const loaded = new Map<keyof Views, unknown>();
const load = <V extends keyof Views>(view: V): Promise<ViewOf<V>> =>
  loaders[view]().then((component) => {
    loaded.set(view, component);
    return component as ViewOf<V>;
  });

/** Starts loading the view the page opens on, before the page is drawn. */
export function loadFirstView(): void {
  void load(routeOf(location.hash).view).catch(() => undefined);
}

/**
 * Shows a view once its chunk is loaded, and then puts the focus on its
 * heading, unless the address names a place on the page. (Not React's
 * `lazy`: a suspended view would be held back some 300 ms before it shows.)
 */
function Loaded<V extends keyof Views>({ view, show }: { view: V; show: (component: ViewOf<V>) => ReactNode }) {
  const [component, setComponent] = useState(() => loaded.get(view) as ViewOf<V> | undefined);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (component) return;
    let live = true;
    load(view).then(
      (ready) => live && setComponent(() => ready),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [view, component]);
  useEffect(() => {
    if (component && !document.getElementById(location.hash.slice(1))) document.querySelector('h1')?.focus();
  }, [component]);
  if (failed) return <p role="alert">{t('viewLoadFailed')}</p>;
  return component ? show(component) : <p role="status">{t('loading')}</p>;
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
        {route.view === 'settings' && <Loaded key="settings" view="settings" show={(Settings) => <Settings />} />}
        {route.view !== 'settings' && (
          <LockGate>
            {route.view === 'clients' && <Loaded key="clients" view="clients" show={(Clients) => <Clients />} />}
            {route.view === 'client' && (
              <Loaded key={`client/${route.id}`} view="client" show={(Client) => <Client id={route.id} />} />
            )}
            {route.view === 'checklists' && (
              <Loaded key="checklists" view="checklists" show={(Templates) => <Templates />} />
            )}
            {route.view === 'checklist' && (
              <Loaded key={`checklist/${route.id}`} view="checklist" show={(Editor) => <Editor id={route.id} />} />
            )}
            {route.view === 'history' && <Loaded key="history" view="history" show={(History) => <History />} />}
            {route.view === 'overview' && <Loaded key="overview" view="overview" show={(Overview) => <Overview />} />}
            {route.view === 'summary' && (
              <Loaded
                key={`summary/${route.month ?? ''}`}
                view="summary"
                show={(Summary) => <Summary month={route.month} />}
              />
            )}
          </LockGate>
        )}
      </main>
    </>
  );
}
