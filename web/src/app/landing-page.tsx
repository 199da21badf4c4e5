import { Badge, Button, Card, Container, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Face } from '../i18n';
import { ArrowRightIcon } from '../ui/icons';
import { usePageTitle } from '../ui/use-page-title';

const faces: readonly { face: Face; to: string }[] = [
  { face: 'werkplek', to: '/werkplek' },
  { face: 'mijn', to: '/mijn' },
  { face: 'verwijzer', to: '/verwijzer' },
];

/** `/`: one card per face. */
export function LandingPage() {
  const { t } = useTranslation();
  usePageTitle(t('landing.title'));

  return (
    <Container size="lg" px={0} py={{ base: 'md', sm: 'xl' }}>
      <Stack gap="xs" mb="xl" maw={720}>
        <Title order={1}>{t('landing.title')}</Title>
        <Text size="lg">{t('landing.intro')}</Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        {faces.map(({ face, to }) => (
          <Card key={face} withBorder shadow="xs" padding="lg" radius="md">
            <Stack gap="sm" h="100%">
              <Badge variant="light" size="lg" radius="sm" style={{ alignSelf: 'flex-start' }}>
                {t(`landing.${face}.audience`)}
              </Badge>
              <Title order={2} size="h3">
                {t(`faces.${face}`)}
              </Title>
              <Text style={{ flexGrow: 1 }}>{t(`landing.${face}.description`)}</Text>
              <Button component={Link} to={to} rightSection={<ArrowRightIcon size={18} />} fullWidth>
                {t(`landing.${face}.action`)}
              </Button>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Container>
  );
}
