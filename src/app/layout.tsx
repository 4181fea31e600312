// The app shell: skip link, title bar, navigation (top on desktop, bottom bar on phones).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useInTeam } from '../hooks/use-in-team';

const NAV_ITEMS = [
  { to: '/', key: 'home', icon: '⌂' },
  { to: '/review', key: 'review', icon: '↻' },
  // Learn's address is /onboarding, the one a lead's link and Home use (/learn is an alias).
  { to: '/onboarding', key: 'learn', icon: '✎' },
  { to: '/quiz', key: 'quiz', icon: '?' },
  { to: '/stats', key: 'stats', icon: '▥' },
  { to: '/cards', key: 'cards', icon: '☰' },
  { to: '/decks', key: 'decks', icon: '▤' },
  { to: '/settings', key: 'settings', icon: '⚙' },
] as const;

/** Shown only on a device that joined a team (joining is on Settings and by the lead's link). */
const TEAM_ITEM = { to: '/team', key: 'team', icon: '◎' } as const;

function NavList() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const inTeam = useInTeam();
  const items = inTeam ? [...NAV_ITEMS.slice(0, -1), TEAM_ITEM, NAV_ITEMS[NAV_ITEMS.length - 1]!] : NAV_ITEMS;
  return (
    <ul className="nav-list">
      {items.map((item) => {
        const active = item.to === '/' ? location === '/' : location.startsWith(item.to);
        return (
          <li key={item.to}>
            <Link href={item.to} className="nav-link" aria-current={active ? 'page' : undefined}>
              <span className="nav-icon" aria-hidden="true">
                {item.icon}
              </span>
              {t(`common.nav.${item.key}`)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

export function Layout({ children, banner }: { children: ReactNode; banner?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="app-header">
        <Link href="/" className="app-title">
          <img className="app-logo" src="/favicon.svg" alt="" width="28" height="28" />
          {t('common.appName')}
        </Link>
        <nav className="app-nav-desktop" aria-label={t('common.nav.label')}>
          <NavList />
        </nav>
      </header>
      {banner}
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
      <nav className="app-nav-phone" aria-label={t('common.nav.label')}>
        <NavList />
      </nav>
    </>
  );
}
