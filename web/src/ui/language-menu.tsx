import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, type Face, languagesFor } from '../i18n';
import { GlobeIcon } from './icons';

/** Compact language switch for the header: shows the current code, lists languages by their own name. */
export function LanguageMenu({ face }: { face?: Face }) {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  const options = languagesFor(face);
  const currentName = options.find((locale) => locale.code === current)?.name ?? current;

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          size="compact-md"
          leftSection={<GlobeIcon size={18} />}
          aria-label={`${t('common.language')}: ${currentName}`}
        >
          {current.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('common.language')}</Menu.Label>
        {options.map((locale) => (
          <Menu.Item
            key={locale.code}
            lang={locale.code}
            aria-current={locale.code === current ? 'true' : undefined}
            fw={locale.code === current ? 700 : undefined}
            onClick={() => void changeLanguage(locale.code)}
          >
            {locale.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
