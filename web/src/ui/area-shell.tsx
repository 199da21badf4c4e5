import { AppShell, Badge, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Face } from '../i18n';
import classes from './area-shell.module.css';
import { KetenMark } from './icons';
import { LanguageMenu } from './language-menu';

export interface NavItem {
  to: string;
  label: string;
  /** A count shown beside the label, e.g. new signals. */
  badge?: number;
}

interface AreaShellProps {
  /** The face this layout belongs to; omitted on the landing page. */
  face?: Face;
  /** The face's navigation; shown as a side bar from 768 px, behind the burger below it. */
  navItems?: readonly NavItem[];
  /** Extra header content before the language switch, e.g. the logged-in user and "Uitloggen". */
  headerEnd?: ReactNode;
  /** Phones only: shown at the top of the burger menu, e.g. the user's account links. */
  navTop?: ReactNode;
  children: ReactNode;
}

const navbarId = 'keten-navigation';
const faces: readonly Face[] = ['werkplek', 'mijn', 'verwijzer'];

/**
 * The layout every face shares: header with the Keten name and the face's name, language
 * switch, and — when there is navigation — a side bar that becomes a burger menu on phones.
 * The burger is always there on phones, so the way to the other portals is never lost.
 */
export function AreaShell({ face, navItems = [], headerEnd, navTop, children }: AreaShellProps) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const hasNav = navItems.length > 0;
  // The item whose address holds the page; the longest wins (/werkplek/patienten/nieuw is not "Patiënt zoeken").
  const activeTo = navItems
    .filter((item) => pathname === item.to || pathname.startsWith(`${item.to}/`))
    .reduce<string | undefined>((best, item) => (best && best.length >= item.to.length ? best : item.to), undefined);

  // Close the phone menu after navigating.
  useEffect(() => {
    if (pathname) close();
  }, [pathname, close]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened, desktop: !hasNav } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <a href="#main" className={classes.skipLink}>
        {t('common.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('common.closeMenu') : t('common.openMenu')}
              aria-expanded={opened}
              aria-controls={navbarId}
            />
            <Link to="/" className={classes.brand} aria-label={t('common.homeLink')}>
              <KetenMark />
              {/* On narrow phones the mark alone stands for Keten; the face name matters more. */}
              <Text component="span" inherit visibleFrom={face ? 'xs' : undefined}>
                {t('common.appName')}
              </Text>
            </Link>
            {face ? (
              <Text component="span" className={classes.face}>
                {t(`faces.${face}`)}
              </Text>
            ) : (
              <Text component="span" className={classes.face} visibleFrom="xs">
                {t('common.tagline')}
              </Text>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            {headerEnd}
            <LanguageMenu face={face} />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar id={navbarId} p="sm" aria-label={t('common.mainNavigation')} component="nav">
        {navTop && (
          <AppShell.Section hiddenFrom="sm" pb="sm" mb="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
            {navTop}
          </AppShell.Section>
        )}
        {hasNav && (
          <AppShell.Section grow component={ScrollArea}>
            {navItems.map((item) => (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                active={item.to === activeTo}
                aria-current={pathname === item.to ? 'page' : undefined}
                rightSection={
                  item.badge ? (
                    <Badge size="sm" circle>
                      {item.badge}
                    </Badge>
                  ) : undefined
                }
              />
            ))}
          </AppShell.Section>
        )}
        {/* Phones only: the way to the other portals (on desktop the Keten name links to the start page). */}
        <AppShell.Section
          hiddenFrom="sm"
          component="section"
          aria-labelledby={`${navbarId}-portals`}
          pt={hasNav ? 'sm' : 0}
          style={hasNav ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}
        >
          <Text id={`${navbarId}-portals`} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" py="xs">
            {t('common.allPortals')}
          </Text>
          <NavLink component={Link} to="/" label={t('common.homePage')} active={pathname === '/'} />
          {faces.map((other) => (
            <NavLink
              key={other}
              component={Link}
              to={`/${other}`}
              label={t(`faces.${other}`)}
              active={other === face}
              aria-current={other === face ? 'true' : undefined}
            />
          ))}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
