import { Badge, Box, Button, Group, NavLink, Stack, Text, Tooltip } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { AreaShell } from '../ui/area-shell';
import type { Session } from './auth/auth-api';
import { refreshSession, type SessionState } from './auth/session';
import { SessionProvider } from './auth/session-context';
import { SessionWatch, useLogout } from './auth/session-watch';
import { unreadCountQuery } from './messages/messages-api';
import { werkplekNavigation, werkplekPaths } from './navigation';
import { signalCountsQuery } from './referrals/referrals-api';

/** The generic-account mark (product.md §1: generic accounts are marked *not personal*). */
export function NotPersonalBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('werkplek.shell.notPersonalHint')} multiline w={260} withArrow>
      <Badge color="yellow" autoContrast variant="filled" size="md" radius="sm" style={{ flexShrink: 0 }}>
        {t('werkplek.shell.notPersonal')}
      </Badge>
    </Tooltip>
  );
}

function UserSummary({ session }: { session: Session }) {
  const { t } = useTranslation();
  return (
    <Box miw={0}>
      <Text size="sm" fw={600} truncate="end">
        {session.account.name}
      </Text>
      <Text size="xs" c="dimmed" truncate="end">
        {t('werkplek.shell.roleAtOrganisation', {
          role: session.account.roleName,
          organisation: session.account.organisation.name,
        })}
      </Text>
    </Box>
  );
}

/** Header, top right (seed 001 §3: "Instellingen" and "ZIO dashboard" sit top right): who is logged in, Dashboard, Instellingen, Uitloggen. */
function HeaderAccount({ session, limited }: { session: Session; limited: boolean }) {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Group gap="sm" wrap="nowrap" visibleFrom="sm" miw={0}>
      <Box visibleFrom="md" maw={280} miw={0} style={{ textAlign: 'right' }}>
        <UserSummary session={session} />
      </Box>
      {!session.account.personal && (
        <Box visibleFrom="md">
          <NotPersonalBadge />
        </Box>
      )}
      {!limited && (
        <>
          {/* Between tablet and laptop width the side menu's Dashboard is enough. */}
          <Button component={Link} to={werkplekPaths.dashboard} variant="subtle" size="compact-md" visibleFrom="md">
            {t('werkplek.nav.dashboard')}
          </Button>
          <Button component={Link} to={werkplekPaths.settings} variant="subtle" size="compact-md">
            {t('werkplek.nav.settings')}
          </Button>
        </>
      )}
      <Button variant="default" size="compact-md" onClick={() => logout.mutate()} loading={logout.isPending}>
        {t('werkplek.shell.logout')}
      </Button>
    </Group>
  );
}

/** Phones: the same, at the top of the burger menu. */
function MenuAccount({ session, limited }: { session: Session; limited: boolean }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const logout = useLogout();
  return (
    <Stack gap="xs">
      <Box px="sm">
        <UserSummary session={session} />
        {!session.account.personal && (
          <Box mt={6}>
            <NotPersonalBadge />
          </Box>
        )}
      </Box>
      {!limited && (
        <NavLink
          component={Link}
          to={werkplekPaths.settings}
          label={t('werkplek.nav.settings')}
          active={pathname.startsWith(werkplekPaths.settings)}
          aria-current={pathname === werkplekPaths.settings ? 'page' : undefined}
        />
      )}
      <Button variant="default" onClick={() => logout.mutate()} loading={logout.isPending} mx="sm">
        {t('werkplek.shell.logout')}
      </Button>
    </Stack>
  );
}

/**
 * The Werkplek after login: header with the user, role and organisation; the menu with only what
 * the role may use; the idle watch. While a new password must be chosen, nothing else is offered.
 */
export function WerkplekShell({
  state,
  children,
}: {
  state: Extract<SessionState, { status: 'logged-in' }>;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { pathname } = useLocation();
  const { session } = state;
  const limited = session.mustChangePassword;
  const unread = useQuery({ ...unreadCountQuery(), enabled: !limited && session.navigation.includes('messages') });
  const signals = useQuery({ ...signalCountsQuery(), enabled: !limited && session.navigation.includes('signals') });

  // The role's name comes from the server in the user's language: ask again after a switch.
  useEffect(() => {
    const refresh = () => void refreshSession(queryClient);
    i18n.on('languageChanged', refresh);
    return () => i18n.off('languageChanged', refresh);
  }, [i18n, queryClient]);

  // Navigating is activity, and the moment to learn that the server ended the session.
  const firstPath = useRef(pathname);
  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = '';
    void refreshSession(queryClient);
  }, [pathname, queryClient]);

  return (
    <SessionProvider session={session}>
      <AreaShell
        face="werkplek"
        navItems={
          limited
            ? []
            : werkplekNavigation(t, session.navigation, {
                messages: unread.data?.unread || undefined,
                signals: signals.data?.referrals || undefined,
              })
        }
        headerEnd={<HeaderAccount session={session} limited={limited} />}
        navTop={<MenuAccount session={session} limited={limited} />}
      >
        {/* Phones and tablets: no room in the header, so the generic-account mark leads the page. */}
        {!session.account.personal && (
          <Box hiddenFrom="md" mb="md">
            <NotPersonalBadge />
          </Box>
        )}
        {children}
      </AreaShell>
      <SessionWatch state={state} />
    </SessionProvider>
  );
}
